import { buildCluster, findService } from '../cluster/build-cluster';
import type { Cluster, ClusterState } from '../cluster/model';
import { emptyConntrackTable, formatConntrackEntry, isLive, KUBE_PROXY_TIMEOUTS } from '../conntrack';
import { createRulesetCache, syncKernel } from '../dataplane/sync-kernel';
import { countIpvsLookups, expireIpvsConns, formatIpvsadmList, type IpvsScheduler, type IpvsState } from '../ipvs';
import { formatIpvsadmConnections } from '../ipvs/format-connections';
import type { Ruleset } from '../netfilter';
import { scheduleTimeline } from '../cluster/timeline';
import { NO_PACKET, runClusterEvent, type ControlPlaneMemory } from './control-plane';
import type { StepDraft } from '../dataplane/step-draft';
import { walkFromHost, walkFromPod, type Peer, type WalkOutcome } from '../dataplane/walk-packet';
import type { NodeKernel, World } from '../dataplane/world';
import { ipv4 } from '../net/ipv4';
import type { Packet, Protocol, TcpFlag } from '../net/packet';
import { createRng } from '../net/rng';
import type { Scenario } from '../scenario/schema';
import { stagesOf } from './stages';
import { topologyOf } from './topology';
import type { ConnectionSummary, NodeConntrack, NodeIpvs, PacketLabel, ProxyMode, Step, Topology, Trace } from './types';

export interface SimulateOptions {
  /** Overrides the scenario's seed. */
  readonly seed?: number;
  /** Overrides the scenario's proxy mode. */
  readonly mode?: ProxyMode;
  /** Overrides the scenario's IPVS scheduler. */
  readonly scheduler?: IpvsScheduler;
}

/** One-way latency of a hop sequence, in simulated seconds (a LAN round trip is ~1 ms). */
const PACKET_GAP = 0.0005;

/** Linux's default ephemeral port range, net.ipv4.ip_local_port_range. */
const EPHEMERAL = [32768, 60999] as const;

interface PacketPlan {
  readonly label: PacketLabel;
  readonly direction: 'original' | 'reply';
  readonly flags: readonly TcpFlag[];
}

const TCP_HANDSHAKE: readonly PacketPlan[] = [
  { label: 'SYN', direction: 'original', flags: ['SYN'] },
  { label: 'SYN-ACK', direction: 'reply', flags: ['SYN', 'ACK'] },
  { label: 'ACK', direction: 'original', flags: ['ACK'] },
];
const REQUEST_REPLY: readonly PacketPlan[] = [
  { label: 'request', direction: 'original', flags: [] },
  { label: 'reply', direction: 'reply', flags: [] },
];

function conntrackSnapshot(world: World): NodeConntrack[] {
  return [...world.kernels.values()].map((k) => ({
    node: k.node.name,
    entries: k.conntrack.entries.filter((e) => isLive(e, world.now)).map((e) => ({ id: e.id, text: formatConntrackEntry(e, world.now) })),
  }));
}

function createWorld(cluster: Cluster, seed: number, mode: ProxyMode, scheduler: IpvsScheduler, parse: (restore: string, key: string) => Ruleset): World {
  const kernels = new Map<string, NodeKernel>();
  for (const node of cluster.nodes) {
    const rules = syncKernel(cluster, node, mode, scheduler, null, parse);
    kernels.set(node.name, { node, conntrack: emptyConntrackTable(), recent: {}, ...rules });
  }
  return { cluster, kernels, rng: createRng(seed), timeouts: KUBE_PROXY_TIMEOUTS, mode, scheduler, now: 0 };
}

// The table only changes when IPVS acts: steps between share one array.
const ipvsTables = new WeakMap<IpvsState, readonly string[]>();

/** `ipvsadm -Ln` and `-Lnc` on the step's node, in IPVS mode. */
function ipvsSnapshot(world: World, node: string | null): NodeIpvs | null {
  const kernel = node === null ? undefined : world.kernels.get(node);
  if (!kernel?.ipvs) return null;
  const table = ipvsTables.get(kernel.ipvs) ?? formatIpvsadmList(kernel.ipvs);
  ipvsTables.set(kernel.ipvs, table);
  return { node: kernel.node.name, table, connections: formatIpvsadmConnections(kernel.ipvs, world.now) };
}

/**
 * Runs a scenario's traffic through its cluster and records every hop: pure
 * and deterministic, the same scenario and seed give the same trace, byte for
 * byte. kube-proxy's iptables rules are generated per node and evaluated as
 * the kernel would (nat only for a connection's first packet; conntrack
 * rewrites the rest). The scenario must have passed `parseScenario`.
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
  const world = createWorld(built.cluster, seed, mode, scheduler, parse);
  const steps: Step[] = [];
  const connections: ConnectionSummary[] = [];
  let clusterState: ClusterState = { cluster: built.cluster, allocation: built.allocation };
  const memory: ControlPlaneMemory = { podIps: new Map(), serviceIps: new Map() };
  // Every pod and Service the trace saw, in order of appearance, with its latest state: the drawing needs a place for each.
  const seenPods = new Map(built.cluster.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
  const seenServices = new Map(built.cluster.services.map((s) => [`${s.namespace}/${s.name}`, s]));

  const kubeIpvs0 = () => new Map([...world.kernels].map(([name, k]) => [name, [...k.ipvsAddresses]]));
  const epochs: { fromStep: number; topology: Topology }[] = [{ fromStep: 0, topology: topologyOf(built.cluster, kubeIpvs0()) }];

  const runEvent = (eventIndex: number) => {
    const event = scenario.events[eventIndex]!;
    world.now = Math.max(world.now, event.at);
    const run = runClusterEvent(world, clusterState, event, memory, parse);
    clusterState = run.state;
    epochs.push({ fromStep: steps.length, topology: topologyOf(clusterState.cluster, kubeIpvs0()) });
    for (const p of clusterState.cluster.pods) seenPods.set(`${p.namespace}/${p.name}`, p);
    for (const s of clusterState.cluster.services) seenServices.set(`${s.namespace}/${s.name}`, s);
    for (const draft of run.drafts) {
      steps.push({
        index: steps.length,
        connection: -1,
        packet: -1,
        label: 'control-plane',
        direction: 'original',
        ...draft,
        hook: null,
        before: NO_PACKET,
        after: NO_PACKET,
        rules: [],
        conntrack: conntrackSnapshot(world),
        conntrackChange: null,
        ipvs: ipvsSnapshot(world, draft.node),
        ipvsChange: null,
        stage: null,
        time: world.now,
      });
    }
  };

  const runConnection = (conn: Scenario['traffic'][number], index: number, at: number) => {
    const cluster = world.cluster;
    world.now = Math.max(world.now, at);
    // IPVS connections whose timer ran out are freed (ip_vs_conn_expire);
    // conntrack's expired entries are simply never found again.
    for (const kernel of world.kernels.values()) if (kernel.ipvs) kernel.ipvs = expireIpvsConns(kernel.ipvs, world.now);
    const clientPod = cluster.pods.find((p) => p.name === conn.from);
    const client: Peer = clientPod ? { kind: 'pod', pod: clientPod } : { kind: 'host', node: cluster.nodes.find((n) => n.name === conn.from)! };
    const clientNode = client.kind === 'pod' ? client.pod.node : client.node.name;
    const clientIp = client.kind === 'pod' ? client.pod.ip : client.node.ip;
    const service = findService(cluster.services, conn.to, clientPod?.namespace ?? 'default')!;
    const protocol = conn.protocol.toLowerCase() as Protocol;
    const sport = world.rng.nextInt(EPHEMERAL[0], EPHEMERAL[1]);
    const firstStep = steps.length;
    const plans = protocol === 'tcp' ? TCP_HANDSHAKE : REQUEST_REPLY;
    let server: Peer | null = null;
    let serverSide: Packet | null = null;
    let outcome: WalkOutcome | null = null;
    let endpoint: string | null = null;

    for (const [packetIndex, plan] of plans.entries()) {
      let sender: Peer;
      let packet: Packet;
      if (plan.direction === 'original') {
        sender = client;
        packet = { srcMac: '', dstMac: '', srcIp: clientIp, dstIp: service.clusterIP, protocol, srcPort: sport, dstPort: conn.port, flags: plan.flags, ttl: 64 };
      } else {
        sender = server!;
        const seen = serverSide!;
        packet = { srcMac: '', dstMac: '', srcIp: seen.dstIp, dstIp: seen.srcIp, protocol, srcPort: seen.dstPort, dstPort: seen.srcPort, flags: plan.flags, ttl: 64 };
      }
      const drafts: { draft: StepDraft; conntrack: NodeConntrack[]; ipvs: NodeIpvs | null }[] = [];
      const record = (draft: StepDraft) => drafts.push({ draft, conntrack: conntrackSnapshot(world), ipvs: ipvsSnapshot(world, draft.node) });
      outcome = sender.kind === 'pod' ? walkFromPod(world, sender.pod, packet, record) : walkFromHost(world, sender.node, packet, record);
      if (outcome.kind === 'dropped') {
        const last = drafts[drafts.length - 1]?.draft;
        const where = last?.to ?? (sender.kind === 'pod' ? `${sender.pod.name}/eth0` : `${sender.node.name}/host`);
        drafts.push({
          draft: {
            kind: 'drop', node: last?.node ?? (sender.kind === 'pod' ? sender.pod.node : sender.node.name), at: where as StepDraft['at'], to: where as StepDraft['to'], hook: null,
            before: last?.after ?? packet, after: last?.after ?? packet, rules: [], conntrackChange: null,
            note: { id: 'drop', params: { reason: outcome.reason } },
          },
          conntrack: conntrackSnapshot(world),
          ipvs: ipvsSnapshot(world, last?.node ?? null),
        });
      }
      // The article's figures follow a pod's connection; a node's own traffic has no figure.
      const figure = client.kind !== 'pod' ? null : packetIndex === 0 ? 'pod-to-service' : packetIndex === 1 ? 'service-to-pod' : null;
      const stages = figure ? stagesOf(drafts.map((d) => d.draft), figure, clientNode) : [];
      for (const [i, { draft, conntrack, ipvs }] of drafts.entries()) {
        steps.push({
          index: steps.length,
          connection: index,
          packet: packetIndex,
          label: plan.label,
          direction: plan.direction,
          ...draft,
          conntrack,
          ipvs,
          ipvsChange: draft.ipvsChange ?? null,
          rulesDiff: null,
          stage: stages[i] ?? null,
          time: world.now,
        });
      }
      if (packetIndex === 0) {
        const dnat = drafts.find((d) => d.draft.kind === 'dnat' && d.draft.node === clientNode)?.draft;
        endpoint = dnat ? `${dnat.after.dstIp}:${dnat.after.dstPort}` : null;
      }
      world.now += PACKET_GAP;
      if (outcome.kind !== 'delivered') break;
      if (plan.direction === 'original') {
        server = outcome.peer;
        serverSide = outcome.packet;
      }
    }
    const first = steps.slice(firstStep).filter((s) => s.packet === 0);
    const cost = {
      rulesEvaluated: first.reduce((n, s) => n + s.rules.length, 0),
      ipvsLookups: first.reduce((n, s) => n + (s.ipvsChange ? countIpvsLookups(s.ipvsChange.change === 'reply' ? 'reply' : s.ipvsChange.change === 'existing' ? 'later' : 'first').total : 0), 0),
    };
    const endpointPod = endpoint ? (cluster.pods.find((p) => p.ip === ipv4(endpoint!.split(':')[0]!))?.name ?? null) : null;
    connections.push({
      index,
      client: conn.from,
      service: `${service.namespace}/${service.name}`,
      endpoint,
      endpointPod,
      cost,
      outcome: outcome?.kind === 'rejected' ? 'rejected' : outcome?.kind === 'delivered' ? (protocol === 'tcp' ? 'established' : 'answered') : 'dropped',
      firstStep,
      lastStep: steps.length - 1,
    });
  };

  for (const item of scheduleTimeline(scenario)) {
    if (item.kind === 'event') runEvent(item.index);
    else runConnection(scenario.traffic[item.index]!, item.index, item.at);
  }

  const ipvsAddresses = new Map([...world.kernels].map(([name, k]) => [name, [...k.ipvsAddresses]]));
  const final = world.cluster;
  const drawn: Cluster = { ...final, pods: [...seenPods.values()], services: [...seenServices.values()] };
  return {
    scenarioName: scenario.name,
    seed,
    mode,
    scheduler: mode === 'ipvs' ? scheduler : null,
    topology: topologyOf(drawn, ipvsAddresses),
    epochs,
    steps,
    connections,
  };
}
