import type { Cluster, ClusterNode } from '../cluster/model';
import type { ConntrackTable, ConntrackTimeouts } from '../conntrack';
import type { Rng } from '../net/rng';
import type { RecentLists, Ruleset } from '../netfilter';
import type { IpvsState } from '../ipvs';
import type { Ipset } from '../ipvs/ipset';
import type { NftDynamicSets, NftProgram } from '../nftables';
import type { NftTable } from '../kube-proxy/nftables';
import type { ProxyMode } from '../trace/types';

/** One node's kernel state while the walk runs: its rules, its conntrack table, its `recent` lists. */
export interface NodeKernel {
  readonly node: ClusterNode;
  /** Replaced when kube-proxy resyncs after a control-plane event. */
  ruleset: Ruleset;
  conntrack: ConntrackTable;
  recent: RecentLists;
  /** IPVS mode: the node's virtual servers and connections; null in iptables mode. */
  ipvs: IpvsState | null;
  /** IPVS mode: kube-proxy's ipsets, for `-m set` matches. */
  ipsets: readonly Ipset[];
  /** IPVS mode: the addresses bound to kube-ipvs0 (every ClusterIP). */
  ipvsAddresses: ReadonlySet<string>;
  /** nftables mode: `table ip kube-proxy` as kube-proxy wrote it, and ready to evaluate; null in the other modes. */
  nft: { readonly table: NftTable; readonly program: NftProgram } | null;
  /** nftables mode: the elements the data path added to dynamic sets (session affinity's `update @affinity-…`). */
  nftSets: NftDynamicSets;
}

/**
 * Everything the walk reads and changes. Internal to `simulate`: the state is
 * replaced step by step while one trace is built, and never escapes.
 */
export interface World {
  /** The cluster as it stands now: control-plane events replace it. */
  cluster: Cluster;
  readonly kernels: ReadonlyMap<string, NodeKernel>;
  readonly rng: Rng;
  readonly timeouts: ConntrackTimeouts;
  readonly mode: ProxyMode;
  /** IPVS mode's scheduler, for the narration ("rr"). */
  readonly scheduler: string;
  /** net.ipv4.ip_local_port_range of every client: where connect() picks a source port. */
  readonly localPortRange: readonly [low: number, high: number];
  now: number;
}

export function kernelOf(world: World, node: string): NodeKernel {
  const kernel = world.kernels.get(node);
  if (!kernel) throw new Error(`no node ${node}`);
  return kernel;
}
