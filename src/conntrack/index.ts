/**
 * Linux connection tracking as kube-proxy relies on it: the table of
 * connections with their original and reply tuples, the TCP/UDP/SCTP state
 * machines and timers, the NAT conntrack applies to later packets and
 * replies, and byte-exact `conntrack -L` / `-E` lines. Pure functions over
 * readonly data; time is a simulated clock in seconds passed in.
 */
export type { Tuple } from './tuple';
export { invertTuple, packetMatchesTuple, tupleEquals, tupleOfPacket } from './tuple';
export type { ConntrackDirection, ConntrackEntry, ConntrackState, ConntrackTable } from './conntrack-entry';
export { emptyConntrackTable, findConntrackEntry, isLive, replaceConntrackEntry } from './conntrack-entry';
export type { ConntrackTimeouts } from './timeouts';
export { KERNEL_DEFAULT_TIMEOUTS, KUBE_PROXY_TIMEOUTS, sctpTimeout, tcpTimeout } from './timeouts';
export type { TcpFlagClass, TcpState, TcpTransition } from './tcp-state';
export { classifyTcpFlags, isTcpState, tcpTransition } from './tcp-state';
export type { SctpState } from './sctp-state';
export { sctpTransition } from './sctp-state';
export type { ConntrackMatch } from './lookup-conntrack';
export { lookupConntrack } from './lookup-conntrack';
export type { ConntrackNat, NatTarget } from './create-conntrack-entry';
export { addNatToConntrackEntry, createConntrackEntry, isValidFirstPacket, replyTupleFor } from './create-conntrack-entry';
export type { ConntrackOutcome, ConntrackUpdate } from './update-conntrack';
export { updateConntrack } from './update-conntrack';
export type { NatManip } from './conntrack-nat';
export { applyNatAtHook, applyNatManip, natManipsAt, translatePacket } from './conntrack-nat';
export { deleteConntrackEntries, expireConntrack } from './expire-conntrack';
export type { ConntrackEventType } from './format-conntrack';
export {
  formatConntrackEntry,
  formatConntrackEvent,
  formatConntrackList,
  formatConntrackSummary,
  listConntrackLines,
  remainingSeconds,
} from './format-conntrack';
