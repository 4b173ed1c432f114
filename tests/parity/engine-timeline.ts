import { applyClusterEvent } from '../../src/cluster/apply-event';
import { buildCluster as buildEngineCluster } from '../../src/cluster/build-cluster';
import type { Cluster, ClusterPod, ClusterState } from '../../src/cluster/model';
import { scheduleTimeline } from '../../src/cluster/timeline';
import { nodeRuleset, syncNode } from '../../src/dataplane/node-proxier';
import { isControlPlaneStep, type ControlPlaneStep, type Scenario, type Trace } from '../../src/index';
import { withBuiltinChains } from '../../src/kube-proxy';
import { formatIptablesSave } from '../../src/netfilter';

/** A control-plane event as the kernel run replays it: what changed, and the engine's syncs for it. */
export interface EventStage {
  readonly kind: 'event';
  readonly label: string;
  readonly before: Cluster;
  readonly after: Cluster;
  /** Each node's tables after kube-proxy's sync, as the engine computes them from the new cluster. */
  readonly rules: ReadonlyMap<string, string>;
  /** Which event of the timeline it is (0, 1, ...): its syncs in a trace are `syncGroups(trace)[event]`. */
  readonly event: number;
}

/** A connection of the scenario's traffic, by its index. */
export interface TrafficStage {
  readonly kind: 'traffic';
  readonly index: number;
}

/**
 * The scenario's timeline as the engine ran it (scheduleTimeline's order): the cluster before and
 * after each event, with its rules, and the connections between them.
 */
export function engineTimeline(scenario: Scenario): (EventStage | TrafficStage)[] {
  const built = buildEngineCluster(scenario);
  if (!built.ok) throw new Error(`${scenario.name}: invalid scenario`);
  let state: ClusterState = { cluster: built.cluster, allocation: built.allocation };
  let event = 0;
  return scheduleTimeline(scenario).map((item) => {
    if (item.kind === 'traffic') return { kind: 'traffic', index: item.index };
    const spec = scenario.events[item.index]!;
    const result = applyClusterEvent(state, spec);
    if (!result.ok) throw new Error(`${scenario.name}: event ${item.index}: ${result.message}`);
    const before = state.cluster;
    state = result.state;
    const rules = new Map(state.cluster.nodes.map((n) => [n.name as string, rulesOf(state.cluster, n.name)] as const));
    const target =
      'pod' in spec
        ? typeof spec.pod === 'string'
          ? spec.pod
          : spec.pod.name
        : typeof spec.service === 'string'
          ? spec.service
          : spec.service.name;
    return { kind: 'event', label: `${spec.action} ${target}`, before, after: state.cluster, rules, event: event++ };
  });
}

/** A node's nat and filter tables as `iptables-save` prints them, after kube-proxy's sync of `cluster` (as nodeIptablesSave does). */
function rulesOf(cluster: Cluster, node: string): string {
  const target = cluster.nodes.find((n) => n.name === node)!;
  return formatIptablesSave(nodeRuleset(withBuiltinChains(syncNode(cluster, target).restore)));
}

/** The trace's kube-proxy-sync steps, grouped by the api-event step each follows (one group per event). */
export function syncGroups(trace: Trace): ControlPlaneStep[][] {
  const groups: ControlPlaneStep[][] = [];
  for (const step of trace.steps) {
    if (!isControlPlaneStep(step)) continue;
    if (step.kind === 'api-event') groups.push([]);
    else groups[groups.length - 1]?.push(step);
  }
  return groups;
}

/** The pods an event removed (by name and address) and the ones it added. */
export function podChanges(before: Cluster, after: Cluster): { removed: ClusterPod[]; added: ClusterPod[] } {
  const same = (a: ClusterPod, b: ClusterPod) => a.name === b.name && a.namespace === b.namespace && a.ip === b.ip;
  return {
    removed: before.pods.filter((p) => !after.pods.some((q) => same(p, q))),
    added: after.pods.filter((p) => !before.pods.some((q) => same(p, q))),
  };
}

/**
 * The (cluster IP, endpoint IP) pairs whose UDP flows kube-proxy deletes after a sync
 * (pkg/proxy/conntrack/cleanup.go: a UDP endpoint that is no longer ready, or whose Service
 * is gone). Derived from the clusters, not from the engine's list of deleted entries.
 */
export function staleUdpPairs(before: Cluster, after: Cluster): { serviceIp: string; endpointIp: string }[] {
  const ready = (cluster: Cluster, ns: string, name: string) =>
    cluster.endpointSlices
      .filter((s) => s.namespace === ns && s.serviceName === name)
      .flatMap((s) => s.endpoints.filter((e) => e.conditions.ready).flatMap((e) => e.addresses as readonly string[]));
  return before.services.flatMap((svc) => {
    if (!svc.ports.some((p) => p.protocol === 'udp')) return [];
    const now = after.services.find((s) => s.namespace === svc.namespace && s.name === svc.name);
    const still = now ? ready(after, svc.namespace, svc.name) : [];
    return ready(before, svc.namespace, svc.name)
      .filter((ip) => !still.includes(ip))
      .map((endpointIp) => ({ serviceIp: svc.clusterIP as string, endpointIp }));
  });
}
