import { buildCluster } from '../../../src/cluster/build-cluster';
import type { ClusterNode, ClusterPod } from '../../../src/cluster/model';
import { emptyConntrackTable, KUBE_PROXY_TIMEOUTS } from '../../../src/conntrack';
import type { StepDraft } from '../../../src/dataplane/step-draft';
import { createRulesetCache, syncKernel } from '../../../src/dataplane/sync-kernel';
import { walkFromHost, walkFromPod, type WalkOutcome } from '../../../src/dataplane/walk-packet';
import type { NodeKernel, World } from '../../../src/dataplane/world';
import { presetScenario } from '../../../src/index';
import { ipv4 } from '../../../src/net/ipv4';
import type { Packet, TcpFlag } from '../../../src/net/packet';
import { createRng } from '../../../src/net/rng';

/**
 * A preset's nodes right after kube-proxy's first sync, as `simulate` starts them:
 * empty conntrack tables, the rules (or IPVS state) of the given mode, scheduler rr.
 */
export function worldOf(preset: string, mode: 'iptables' | 'ipvs' = 'iptables', seed = 1): World {
  const built = buildCluster(presetScenario(preset)!);
  if (!built.ok) throw new Error(`preset ${preset}: ${built.errors.map((e) => e.message).join(', ')}`);
  const { cluster } = built;
  const parse = createRulesetCache();
  const kernels = new Map<string, NodeKernel>();
  for (const node of cluster.nodes) {
    const rules = syncKernel(cluster, node, mode, 'rr', null, parse);
    kernels.set(node.name, { node, conntrack: emptyConntrackTable(), recent: {}, nftSets: {}, ...rules });
  }
  return {
    cluster,
    kernels,
    rng: createRng(seed),
    timeouts: KUBE_PROXY_TIMEOUTS,
    mode,
    scheduler: 'rr',
    now: 0,
    localPortRange: [32768, 60999],
  };
}

export const podNamed = (world: World, name: string): ClusterPod => world.cluster.pods.find((p) => p.name === name)!;
export const nodeNamed = (world: World, name: string): ClusterNode => world.cluster.nodes.find((n) => n.name === name)!;

/** A TCP packet before it is framed (the walk sets the MACs). */
export function tcp(src: string, srcPort: number, dst: string, dstPort: number, flags: readonly TcpFlag[] = ['SYN']): Packet {
  return { srcMac: '', dstMac: '', srcIp: ipv4(src), dstIp: ipv4(dst), protocol: 'tcp', srcPort, dstPort, flags, ttl: 64 };
}

/** The answer to a delivered packet: addresses and ports swapped. */
export function replyTo(delivered: Packet, flags: readonly TcpFlag[] = ['SYN', 'ACK']): Packet {
  return tcp(delivered.dstIp, delivered.dstPort, delivered.srcIp, delivered.srcPort, flags);
}

export interface Walked {
  readonly outcome: WalkOutcome;
  readonly steps: readonly StepDraft[];
}

/** One packet from a pod or from a node's own network namespace, with every step the walk recorded. */
export function walk(world: World, from: { readonly pod: string } | { readonly node: string }, packet: Packet): Walked {
  const steps: StepDraft[] = [];
  const record = (draft: StepDraft) => void steps.push(draft);
  const outcome =
    'pod' in from
      ? walkFromPod(world, podNamed(world, from.pod), packet, record)
      : walkFromHost(world, nodeNamed(world, from.node), packet, record);
  return { outcome, steps };
}
