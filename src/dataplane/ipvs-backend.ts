import { expireIpvsConns, formatIpsetList, formatIpvsadmConnections, formatIpvsadmList, formatKubeIpvs0, lookupIpvsConn } from '../ipvs';
import { ipsetMatches } from '../ipvs/ipset';
import { ipvsForwardReply, ipvsInput, ipvsRewrite } from './ipvs-hooks';
import type { IpvsBackend } from './mode-engines';
import { IPVS_OUTSIDE_NARRATION } from '../trace/narration-ipvs-outside';
import { syncIpvsKernel, syncIpvsNode } from './sync-ipvs-kernel';

/**
 * IPVS mode's engine, for `registerModeEngine('ipvs', …)`: imported only by what registers it
 * (registerEveryModeEngine; the page on demand), so that it stays out of the page's first chunk.
 */
export const ipvsBackend: IpvsBackend = {
  syncKernel: syncIpvsKernel,
  sync: syncIpvsNode,
  input: ipvsInput,
  rewrite: ipvsRewrite,
  forwardReply: ipvsForwardReply,
  lookupConn: lookupIpvsConn,
  expireConns: expireIpvsConns,
  ipsetMatches,
  formatList: formatIpvsadmList,
  formatConnections: formatIpvsadmConnections,
  formatIpsets: formatIpsetList,
  formatKubeIpvs0,
  narration: IPVS_OUTSIDE_NARRATION,
};
