import { buildCluster } from '../cluster/build-cluster';
import type { Cluster, ClusterState } from '../cluster/model';
import { scheduleTimeline } from '../cluster/timeline';
import { emptyConntrackTable, KUBE_PROXY_TIMEOUTS } from '../conntrack';
import { createRulesetCache, syncKernel } from '../dataplane/sync-kernel';
import type { NodeKernel, World } from '../dataplane/world';
import type { IpvsScheduler } from '../ipvs';
import { createRng } from '../net/rng';
import type { Ruleset } from '../netfilter';
import type { Scenario } from '../scenario/schema';
import { isArticleStory } from './article-notes';
import { clusterEvents } from './cluster-events';
import type { ControlPlaneDraft, ControlPlaneMemory } from './control-plane';
import { EPHEMERAL_PORT_RANGE } from './ephemeral-port';
import { runConnection } from './run-connection';
import { conntrackSnapshot, ipvsSnapshot } from './step-snapshots';
import { createTopologyHistory } from './topology-history';
import type { ConnectionSummary, ControlPlaneStep, ProxyMode, Step, Trace } from './types';

export interface SimulateOptions {
  /** Overrides the scenario's seed. */
  readonly seed?: number;
  /** Overrides the scenario's proxy mode. */
  readonly mode?: ProxyMode;
  /** Overrides the scenario's IPVS scheduler. */
  readonly scheduler?: IpvsScheduler;
  /**
   * Every client's net.ipv4.ip_local_port_range, the ports connect() picks a
   * source port from: Linux's default, 32768-60999, when absent. In a narrow
   * range new connections often draw a port in use and move on to a free one;
   * simulate throws when a client has none left (connect()'s EADDRNOTAVAIL).
   */
  readonly localPortRange?: readonly [low: number, high: number];
  /**
   * Called at coarse points while the trace is built, for a progress bar: after
   * kube-proxy's first sync on each node, then after each control-plane event and
   * each connection. Plain numbers; it must not change the scenario.
   */
  readonly onProgress?: (progress: SimulateProgress) => void;
}

/** How far `simulate` is: `done` of `total` units of work (a node's first sync, an event, a connection). */
export interface SimulateProgress {
  readonly done: number;
  readonly total: number;
}

type WorldOptions = Required<Pick<SimulateOptions, 'seed' | 'mode' | 'scheduler' | 'localPortRange'>>;

export function createWorld(
  cluster: Cluster,
  options: WorldOptions,
  parse: (restore: string, key: string) => Ruleset,
  onNodeSynced: () => void,
): World {
  const { seed, mode, scheduler, localPortRange } = options;
  const [low, high] = localPortRange;
  if (!(Number.isInteger(low) && Number.isInteger(high) && low >= 1 && low <= high && high <= 65535))
    throw new Error(`invalid local port range ${low}-${high}`);
  const kernels = new Map<string, NodeKernel>();
  for (const node of cluster.nodes) {
    const rules = syncKernel(cluster, node, mode, scheduler, null, parse);
    kernels.set(node.name, { node, conntrack: emptyConntrackTable(), recent: {}, nftSets: {}, ...rules });
    onNodeSynced();
  }
  return { cluster, kernels, rng: createRng(seed), timeouts: KUBE_PROXY_TIMEOUTS, mode, scheduler, localPortRange, now: 0 };
}

/** A control-plane event's steps, numbered from `firstStep`, each with the tables as the event left them. */
function controlPlaneSteps(world: World, drafts: readonly ControlPlaneDraft[], firstStep: number): ControlPlaneStep[] {
  return drafts.map((draft, i) => ({
    index: firstStep + i,
    label: 'control-plane',
    ...draft,
    conntrack: conntrackSnapshot(world),
    ipvs: ipvsSnapshot(world, draft.node),
    time: world.now,
  }));
}

/**
 * Runs a scenario's traffic through its cluster and records every hop: pure
 * and deterministic, the same scenario and seed give the same trace, byte for
 * byte. kube-proxy's iptables rules are generated per node and evaluated as
 * the kernel would (nat only for a connection's first packet; conntrack
 * rewrites the rest). Control-plane events run between connections, at their
 * second. The scenario must have passed `parseScenario`.
 *
 * @example simulate(presetScenario('article')!).steps.find((s) => s.kind === 'dnat')?.after.dstIp // '10.244.2.3'
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): Trace {
  const built = buildCluster(scenario);
  if (!built.ok) throw new Error(`invalid scenario: ${built.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  const seed = options.seed ?? scenario.seed;
  const mode = options.mode ?? scenario.mode;
  const scheduler = options.scheduler ?? scenario.scheduler;
  const parse = createRulesetCache();
  const timeline = scheduleTimeline(scenario);
  const total = built.cluster.nodes.length + timeline.length;
  let done = 0;
  const progressed = () => options.onProgress?.({ done: ++done, total });
  const world = createWorld(
    built.cluster,
    { seed, mode, scheduler, localPortRange: options.localPortRange ?? EPHEMERAL_PORT_RANGE },
    parse,
    progressed,
  );
  const history = createTopologyHistory(built.cluster, world);
  const memory: ControlPlaneMemory = { podIps: new Map(), serviceIps: new Map() };
  let state: ClusterState = { cluster: built.cluster, allocation: built.allocation };
  const steps: Step[] = [];
  const connections: ConnectionSummary[] = [];
  const story = isArticleStory(scenario);

  for (const item of timeline) {
    if (item.kind === 'event') {
      const event = scenario.events[item.index]!;
      world.now = Math.max(world.now, event.at);
      const run = clusterEvents().run(world, state, event, memory, parse);
      state = run.state;
      history.enter(state.cluster, steps.length);
      steps.push(...controlPlaneSteps(world, run.drafts, steps.length));
    } else {
      const run = runConnection(world, scenario.traffic[item.index]!, item.index, item.at, steps.length, story);
      steps.push(...run.steps);
      connections.push(run.summary);
    }
    progressed();
  }

  return {
    scenarioName: scenario.name,
    seed,
    mode,
    scheduler: mode === 'ipvs' ? scheduler : null,
    topology: history.drawn(world.cluster),
    epochs: history.epochs,
    steps,
    connections,
  };
}
