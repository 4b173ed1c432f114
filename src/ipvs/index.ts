/**
 * IPVS (net/netfilter/ipvs): virtual services, real servers, schedulers, connections and
 * persistence templates as plain data, and the text its tools print.
 */
export type {
  IpvsConn,
  IpvsConnState,
  IpvsScheduler,
  IpvsState,
  IpvsTcpState,
  IpvsTemplate,
  RealServer,
  SchedulerMemory,
  VirtualServer,
  WrrMark,
} from './types';
export { EMPTY_IPVS_STATE, IPVS_SCHEDULERS } from './types';
export { compareRealServers, compareVirtualServers, findVirtualServer, realServerKey, virtualServerKey } from './virtual-server';
export { runScheduler, type SchedulerPick } from './scheduler';
export { connOverhead } from './schedule-least';
export { hash32, shBucket, dhBucket, shTable, dhTable, HASH_TAB_SIZE } from './schedule-hash';
export { IPVS_TCP_TIMEOUTS, IPVS_UDP_TIMEOUT, isActiveState, nextTcpState, type IpvsDirection } from './tcp-states';
export { scheduleConnection, type IpvsScheduleResult, type IpvsNoScheduleReason } from './schedule-connection';
export { lookupIpvsConn, updateIpvsConn, expireIpvsConns } from './ipvs-conn';
export {
  addRealServer,
  deleteRealServer,
  deleteVirtualServer,
  setRealServerWeight,
  upsertVirtualServer,
  type VirtualServerSpec,
} from './edit-services';
export { formatIpvsadmList, formatServiceLine, IPVS_CONN_TAB_SIZE } from './format-ipvsadm';
export { formatIpvsadmConnections, formatExpire } from './format-connections';
export { formatKubeIpvs0, type KubeIpvs0Options } from './format-kube-ipvs0';
export { ipsetMatches, ipPortEntry, ipPortIpEntry, KUBE_IPSETS, type Ipset, type IpsetFlags, type IpsetType } from './ipset';
export { formatIpsetList, ipsetInitval } from './format-ipset';
export { countIpvsLookups, type IpvsHookVisit, type IpvsLookupCost } from './lookup-cost';
