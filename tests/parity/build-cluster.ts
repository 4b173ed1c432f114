import type { ClusterPlan, NodePlan, PodPlan } from './cluster-plan';
import { prefixOf } from './cluster-plan';
import { buildOutside, type BuiltOutside } from './build-outside';
import type { ParityRun } from './namespaces';
import { needsEdge } from './outside-plan';

/**
 * A bridge with multicast snooping joins 224.0.0.106 and sends IGMP reports for it: node-made
 * packets the scenarios know nothing of, which would show in conntrack (`unknown 2 ...`) and move
 * the OUTPUT chains' counters. The scenarios are unicast, so snooping is off.
 */
const QUIET_BRIDGE = ['mcast_snooping', '0'];

/** The namespaces of one built cluster, by role. */
export interface BuiltCluster {
  readonly wire: string;
  readonly nodes: ReadonlyMap<string, string>;
  readonly pods: ReadonlyMap<string, string>;
  /** The clients outside the cluster and their edge. */
  readonly outside: BuiltOutside;
  /** Every namespace, in creation order (teardown deletes them in reverse). */
  readonly all: readonly string[];
}

/**
 * Builds the cluster in network namespaces: a wire (a bridge, and a stand-in router that
 * forwards nothing), one namespace per node (eth0 on the wire, cbr0 for its pods, routes to
 * the other nodes' pod CIDRs), one per pod (eth0, a veth whose node end is a hairpin port of
 * cbr0) and the clients outside the cluster (build-outside.ts: with clients on the internet,
 * the router is their edge namespace, which forwards, rather than the wire's stand-in).
 * Every command runs inside a namespace this run created.
 */
export function buildCluster(run: ParityRun, plan: ClusterPlan, tag: string): BuiltCluster {
  const all: string[] = [];
  const add = (role: string) => {
    const ns = run.addNamespace(`${tag}-${role}`);
    all.push(ns);
    return ns;
  };
  const wire = add('wire');
  run.exec(wire, 'ip', ['link', 'add', 'br0', 'type', 'bridge', ...QUIET_BRIDGE]);
  if (!needsEdge(plan.outside)) run.exec(wire, 'ip', ['addr', 'add', `${plan.routerIp}/${plan.wirePrefix}`, 'dev', 'br0']);
  run.exec(wire, 'ip', ['link', 'set', 'br0', 'up']);
  // The stand-in router: the nodes' default gateway, which routes nothing anywhere.
  run.exec(wire, 'sysctl', ['-qw', 'net.ipv4.ip_forward=0']);
  const nodes = new Map<string, string>();
  plan.nodes.forEach((node, i) => nodes.set(node.name, buildNode(run, plan, node, i, wire, add(`n${i}`))));
  const pods = new Map<string, string>();
  plan.pods.forEach((pod, i) => {
    const nodeNs = nodes.get(pod.node);
    const node = plan.nodes.find((n) => n.name === pod.node);
    if (!nodeNs || !node) throw new Error(`pod ${pod.name} is on an unknown node ${pod.node}`);
    pods.set(pod.name, buildPod(run, node, pod, nodeNs, add(`p${i}`)));
  });
  const outside = buildOutside(run, plan, wire, add);
  return { wire, nodes, pods, outside, all };
}

/** A pod added by a control-plane event: its own namespace (`role`) on its node's bridge. */
export function addPod(run: ParityRun, plan: ClusterPlan, cluster: BuiltCluster, pod: PodPlan, role: string): string {
  const node = plan.nodes.find((n) => n.name === pod.node)!;
  return buildPod(run, node, pod, cluster.nodes.get(pod.node)!, run.addNamespace(role));
}

function buildNode(run: ParityRun, plan: ClusterPlan, node: NodePlan, i: number, wire: string, ns: string): string {
  const port = `w${i}`;
  run.exec(wire, 'ip', ['link', 'add', port, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns]);
  run.exec(wire, 'ip', ['link', 'set', port, 'master', 'br0', 'up']);
  run.exec(ns, 'ip', ['addr', 'add', `${node.ip}/${plan.wirePrefix}`, 'dev', 'eth0']);
  run.exec(ns, 'ip', ['link', 'set', 'eth0', 'up']);
  run.exec(ns, 'ip', ['link', 'add', 'cbr0', 'type', 'bridge', ...QUIET_BRIDGE]);
  run.exec(ns, 'ip', ['addr', 'add', `${node.bridgeIp}/${prefixOf(node.podCidr)}`, 'dev', 'cbr0']);
  run.exec(ns, 'ip', ['link', 'set', 'cbr0', 'up']);
  run.exec(ns, 'sysctl', ['-qw', 'net.ipv4.ip_forward=1']);
  // Per namespace and on by default; set anyway, as a node with br_netfilter has it (Kubernetes requires it).
  run.exec(ns, 'sysctl', ['-qw', 'net.bridge.bridge-nf-call-iptables=1']);
  for (const other of plan.nodes) {
    if (other.name !== node.name) run.exec(ns, 'ip', ['route', 'add', other.podCidr, 'via', other.ip]);
  }
  run.exec(ns, 'ip', ['route', 'add', 'default', 'via', plan.routerIp]);
  return ns;
}

function buildPod(run: ParityRun, node: NodePlan, pod: PodPlan, nodeNs: string, ns: string): string {
  run.exec(nodeNs, 'ip', ['link', 'add', pod.veth, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns]);
  run.exec(nodeNs, 'ip', ['link', 'set', pod.veth, 'master', 'cbr0', 'up']);
  // A pod calling its own Service may be DNATed back to itself: the frame must leave by the port it came in.
  run.exec(nodeNs, 'bridge', ['link', 'set', 'dev', pod.veth, 'hairpin', 'on']);
  run.exec(ns, 'ip', ['addr', 'add', `${pod.ip}/${prefixOf(node.podCidr)}`, 'dev', 'eth0']);
  run.exec(ns, 'ip', ['link', 'set', 'eth0', 'up']);
  run.exec(ns, 'ip', ['route', 'add', 'default', 'via', node.bridgeIp]);
  return ns;
}
