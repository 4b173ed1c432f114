import { formatCidr } from '../net/cidr';
import type { Cluster, ClusterNode } from '../cluster/model';
import {
  NFACCT_INVALID_DROPPED,
  NFACCT_LOCALHOST_NODEPORTS,
  syncProxyRules,
  type EndpointSliceInput,
  type ProxierConfig,
  type ServiceInput,
  type SyncResult,
} from '../kube-proxy';
import type { NftablesProxierConfig } from '../kube-proxy/nftables';
import { parseIptablesRestore, type Ruleset } from '../netfilter';
import type { IpvsScheduler, IpvsState } from '../ipvs';
import { syncIpvs, type SyncIpvsResult } from '../kube-proxy/ipvs';

/** What kube-proxy knows of our nodes in every mode: IPv4, detect-local-mode ClusterCIDR, the masquerade bit 14. */
function nodeBasics(cluster: Cluster, node: ClusterNode) {
  return {
    ipFamily: 'IPv4',
    nodeName: node.name,
    nodeIP: node.ip,
    localDetector: { mode: 'ClusterCIDR', cidr: formatCidr(cluster.clusterCidr) },
    masqueradeAll: false,
    masqueradeMark: '0x4000',
  } as const;
}

/** kube-proxy in nftables mode on our nodes: the same, with NodePorts on the node's own IP (the mode's default, `primary`). */
export function nftablesConfigFor(cluster: Cluster, node: ClusterNode): NftablesProxierConfig {
  return { ...nodeBasics(cluster, node), nodePortAddresses: ['primary'], serviceCIDRs: [formatCidr(cluster.serviceCidr)] };
}

/**
 * How kube-proxy runs on our nodes: iptables mode with detect-local-mode
 * ClusterCIDR, the default masquerade bit 14 (0x4000), localhost NodePorts,
 * an iptables binary that supports --random-fully (1.8.9) and a kernel with
 * the nfacct counters, as on a current node.
 */
export function proxierConfigFor(cluster: Cluster, node: ClusterNode): ProxierConfig {
  return {
    ...nodeBasics(cluster, node),
    localhostNodePorts: true,
    nodePortAddresses: null,
    nfacctCounters: { [NFACCT_INVALID_DROPPED]: true, [NFACCT_LOCALHOST_NODEPORTS]: true },
    conntrackTCPLiberal: false,
    hasRandomFully: true,
    largeClusterEndpointsThreshold: 1000,
  };
}

/** The cluster's Services as kube-proxy's informers see them. */
export function serviceInputs(cluster: Cluster): ServiceInput[] {
  return cluster.services.map((s) => ({
    namespace: s.namespace,
    name: s.name,
    type: s.type,
    clusterIP: s.clusterIP,
    ports: s.ports.map((p) => ({
      name: p.name,
      port: p.port,
      protocol: p.protocol.toUpperCase(),
      targetPort: p.targetPort,
      ...(p.nodePort !== null ? { nodePort: p.nodePort } : {}),
    })),
    sessionAffinity: s.sessionAffinity,
    sessionAffinityTimeoutSeconds: s.sessionAffinityTimeoutSeconds,
    externalIPs: s.externalIPs,
    loadBalancerIngress: s.loadBalancerIPs.map((ip) => ({ ip })),
    loadBalancerSourceRanges: s.loadBalancerSourceRanges,
    externalTrafficPolicy: s.externalTrafficPolicy,
    internalTrafficPolicy: s.internalTrafficPolicy,
    ...(s.healthCheckNodePort !== null ? { healthCheckNodePort: s.healthCheckNodePort } : {}),
  }));
}

/** The cluster's EndpointSlices as kube-proxy's informers see them. */
export function endpointSliceInputs(cluster: Cluster): EndpointSliceInput[] {
  return cluster.endpointSlices.map((slice) => ({
    namespace: slice.namespace,
    serviceName: slice.serviceName,
    name: slice.name,
    addressType: slice.addressType,
    endpoints: slice.endpoints.map((e) => ({ addresses: e.addresses, nodeName: e.nodeName, conditions: e.conditions })),
    ports: slice.ports,
  }));
}

/** kube-proxy's full sync on one node, from the cluster's Services and EndpointSlices. */
export function syncNode(cluster: Cluster, node: ClusterNode): SyncResult {
  return syncProxyRules(proxierConfigFor(cluster, node), serviceInputs(cluster), endpointSliceInputs(cluster));
}

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
 * The node's whole nat and filter tables as the kernel holds them, parsed from
 * a restore text that includes the built-in chains and kube-proxy's jumps
 * (`withBuiltinChains` for iptables mode; IPVS mode's sync writes them itself).
 */
export function nodeRuleset(restore: string): Ruleset {
  const parsed = parseIptablesRestore(restore);
  if (!parsed.ok) throw new Error(`kube-proxy wrote rules the parser rejects: ${parsed.error}`);
  return parsed.value;
}
