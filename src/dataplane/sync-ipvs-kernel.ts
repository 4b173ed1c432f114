import type { Cluster, ClusterNode } from '../cluster/model';
import type { IpvsScheduler, IpvsState } from '../ipvs';
import { syncIpvs } from '../kube-proxy/ipvs';
import type { Ruleset } from '../netfilter';
import { endpointSliceInputs, proxierConfigFor, serviceInputs } from './node-proxier';
import type { KernelRules } from './sync-kernel';

/**
 * kube-proxy's sync on one node in IPVS mode: the virtual servers, synced against the node's
 * `previous` IPVS state so that a removed TCP real server with connections drains at weight 0,
 * plus ipsets, kube-ipvs0's addresses and IPVS mode's few iptables rules.
 */
export function syncIpvsKernel(
  cluster: Cluster,
  node: ClusterNode,
  scheduler: IpvsScheduler,
  previous: IpvsState | null,
  parse: (restore: string, key: string) => Ruleset,
): KernelRules {
  const sync = syncIpvs(proxierConfigFor(cluster, node), serviceInputs(cluster), endpointSliceInputs(cluster), previous ?? undefined, {
    scheduler,
  });
  return {
    ruleset: parse(sync.iptablesRestore, sync.iptablesRestore),
    ipvs: sync.state,
    ipsets: sync.ipsets,
    ipvsAddresses: new Set(sync.dummyAddresses),
    nft: null,
  };
}
