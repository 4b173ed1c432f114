/** kube-proxy's IPVS mode: Services + EndpointSlices -> IPVS services, ipsets, kube-ipvs0 and a few iptables rules. */
export { syncIpvs, reapDrainedRealServers, type SyncIpvsOptions, type SyncIpvsResult } from './sync-ipvs';
export { formatIpvsIptablesRestore, ipvsProxierRules, countSetReferences, IPVS_JUMP_CHAINS } from './iptables-rules';
