import type { Cluster, ClusterNode } from '../cluster/model';
import type { IpvsScheduler, IpvsState } from '../ipvs';
import type { Ipset } from '../ipvs/ipset';
import { syncDependsOnNode, withBuiltinChains } from '../kube-proxy';
import type { Ruleset } from '../netfilter';
import type { ProxyMode } from '../trace/types';
import { endpointSliceInputs, nodeRuleset, proxierConfigFor, serviceInputs, syncIpvsNode, syncNode } from './node-proxier';
import { syncNftKernel, type NodeNft } from './sync-nft-kernel';

/** What kube-proxy leaves in a node's kernel after a sync. */
export interface KernelRules {
  readonly ruleset: Ruleset;
  readonly ipvs: IpvsState | null;
  readonly ipsets: readonly Ipset[];
  readonly ipvsAddresses: ReadonlySet<string>;
  readonly nft: NodeNft | null;
}

/**
 * Parses kube-proxy's restore text once per distinct text: nodes whose
 * kube-proxy writes the same rules (ClusterIP rules do not depend on the node)
 * share one parsed ruleset, so 20 nodes parse once, and a resync that writes
 * what an earlier one wrote parses nothing.
 */
export function createRulesetCache(): (restore: string, key: string) => Ruleset {
  const parsed = new Map<string, Ruleset>();
  return (restore, key) => {
    const ruleset = parsed.get(key) ?? nodeRuleset(restore);
    parsed.set(key, ruleset);
    return ruleset;
  };
}

/**
 * kube-proxy's sync on one node, from the cluster as it stands: in iptables mode
 * the filter and nat tables (with the built-in chains' jumps); in IPVS mode the
 * virtual servers, synced against the node's `previous` IPVS state so that a removed
 * TCP real server with connections drains at weight 0, plus ipsets, kube-ipvs0's
 * addresses and IPVS mode's few iptables rules; in nftables mode `table ip kube-proxy`,
 * beside iptables tables that hold only their empty built-in chains.
 */
export function syncKernel(
  cluster: Cluster,
  node: ClusterNode,
  mode: ProxyMode,
  scheduler: IpvsScheduler,
  previous: IpvsState | null,
  parse: (restore: string, key: string) => Ruleset,
): KernelRules {
  if (mode === 'ipvs') {
    const sync = syncIpvsNode(cluster, node, scheduler, previous ?? undefined);
    return {
      ruleset: parse(sync.iptablesRestore, sync.iptablesRestore),
      ipvs: sync.state,
      ipsets: sync.ipsets,
      ipvsAddresses: new Set(sync.dummyAddresses),
      nft: null,
    };
  }
  if (mode === 'nftables') return syncNftKernel(cluster, node, parse);
  const restore = iptablesRestoreOf(cluster, node);
  return { ruleset: parse(restore.withBuiltins, restore.sync), ipvs: null, ipsets: [], ipvsAddresses: new Set(), nft: null };
}

/** kube-proxy's restore text and the kernel's whole tables, for a cluster whose rules are the same on every node. */
const sharedRestore = new WeakMap<Cluster, { readonly sync: string; readonly withBuiltins: string }>();

/**
 * The iptables-mode sync of one node. Our clusters have ClusterIP Services without
 * Local traffic policies or topology hints, so kube-proxy writes the same rules on
 * every node (`syncDependsOnNode`): the text is computed once per cluster state and
 * shared, which turns 100 nodes' syncs into one. A cluster is never changed in place
 * (an event makes a new one), so the memo cannot go stale.
 */
function iptablesRestoreOf(cluster: Cluster, node: ClusterNode): { readonly sync: string; readonly withBuiltins: string } {
  const shared = sharedRestore.get(cluster);
  if (shared) return shared;
  const sync = syncNode(cluster, node).restore;
  const restore = { sync, withBuiltins: withBuiltinChains(sync) };
  if (!syncDependsOnNode(proxierConfigFor(cluster, node), serviceInputs(cluster), endpointSliceInputs(cluster))) {
    sharedRestore.set(cluster, restore);
  }
  return restore;
}
