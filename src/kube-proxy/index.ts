/** kube-proxy's iptables mode: Services + EndpointSlices -> the rules it writes. */
export { syncProxyRules, type SyncOptions, type SyncResult } from './sync-proxy-rules';
export { sortIptablesRules, ruleComment } from './sort-rules';
export { computeProbability, formatFixedGo } from './probability';
export { chainHash, portProtoHash, servicePortChains, endpointChainName, isServiceChainName, type ServicePortChains } from './chain-name';
export { KUBE_PROXY_JUMP_RULES, builtinChainRules, emptyBuiltinTables, withBuiltinChains, type JumpRule } from './jump-rules';
export {
  TEST_PROXIER_CONFIG,
  NFACCT_INVALID_DROPPED,
  NFACCT_LOCALHOST_NODEPORTS,
  type ProxierConfig,
  type ClusterCidrDetector,
} from './proxier-config';
export type { ServiceInput, ServicePortInput, LoadBalancerIngressInput, ServiceType, TrafficPolicy } from './service';
export type { EndpointSliceInput, EndpointInput, EndpointPortInput, EndpointConditionsInput } from './endpoint-slice';
export type { TableRules } from './rule-buffers';
export { applyProxierOp, syncProxier, newProxierState, type ProxierState, type ProxierOp, type ProxierSync } from './proxier';
export { syncDependsOnNode } from './sync-depends-on-node';
export { staleUdpEntryFilter, conntrackCleanupRequired, type StaleEntryFilter } from './clean-stale-entries';
