import type { Cluster, ClusterNode } from '../cluster/model';
import type { IpvsScheduler, IpvsState } from '../ipvs';
import { syncIpvs, type SyncIpvsResult } from '../kube-proxy/ipvs';
import type { Ruleset } from '../netfilter';
import { endpointSliceInputs, proxierConfigFor, serviceInputs } from './node-proxier';
import type { KernelRules } from './sync-kernel';

/**
 * kube-proxy's IPVS-mode sync on one node, against its `previous` IPVS state. Node ports
 * get a virtual server on every local address but loopback and kube-ipvs0's
 * (`realIPGetter.NodeIPs`): eth0's and cbr0's.
 */
export function syncIpvsNode(cluster: Cluster, node: ClusterNode, scheduler: IpvsScheduler, previous?: IpvsState): SyncIpvsResult {
  return syncIpvs(proxierConfigFor(cluster, node), serviceInputs(cluster), endpointSliceInputs(cluster), previous, {
    scheduler,
    nodeIPs: [node.ip, node.bridgeIp],
  });
}

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
  const sync = syncIpvsNode(cluster, node, scheduler, previous ?? undefined);
  return {
    ruleset: parse(sync.iptablesRestore, sync.iptablesRestore),
    ipvs: sync.state,
    ipsets: sync.ipsets,
    ipvsAddresses: new Set(sync.dummyAddresses),
    nft: null,
  };
}
