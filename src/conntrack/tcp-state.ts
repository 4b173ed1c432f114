import type { TcpFlag } from '../net/packet';
import type { ConntrackDirection } from './conntrack-entry';

/** Conntrack's TCP states, named as tcp_conntrack_names[] spells them. */
export type TcpState =
  'NONE' | 'SYN_SENT' | 'SYN_RECV' | 'ESTABLISHED' | 'FIN_WAIT' | 'CLOSE_WAIT' | 'LAST_ACK' | 'TIME_WAIT' | 'CLOSE' | 'SYN_SENT2';

/** Which row of the transition table a segment selects (enum tcp_bit_set). */
export type TcpFlagClass = 'syn' | 'synack' | 'fin' | 'ack' | 'rst' | 'none';

/**
 * get_conntrack_index(): RST wins, then SYN (with or without ACK), then FIN,
 * then ACK. So a FIN+ACK counts as a FIN, and PSH is ignored.
 */
export function classifyTcpFlags(flags: readonly TcpFlag[]): TcpFlagClass {
  if (flags.includes('RST')) return 'rst';
  if (flags.includes('SYN')) return flags.includes('ACK') ? 'synack' : 'syn';
  if (flags.includes('FIN')) return 'fin';
  if (flags.includes('ACK')) return 'ack';
  return 'none';
}

/** A next state, or sIV (the segment is INVALID) or sIG (ignored, no state change). */
export type TcpTransition = TcpState | 'INVALID' | 'IGNORE';

const COLUMNS: readonly TcpState[] = [
  'NONE',
  'SYN_SENT',
  'SYN_RECV',
  'ESTABLISHED',
  'FIN_WAIT',
  'CLOSE_WAIT',
  'LAST_ACK',
  'TIME_WAIT',
  'CLOSE',
  'SYN_SENT2',
];

const sSS = 'SYN_SENT',
  sSR = 'SYN_RECV',
  sES = 'ESTABLISHED',
  sFW = 'FIN_WAIT';
const sCW = 'CLOSE_WAIT',
  sLA = 'LAST_ACK',
  sTW = 'TIME_WAIT',
  sCL = 'CLOSE',
  sS2 = 'SYN_SENT2';
const sIV = 'INVALID',
  sIG = 'IGNORE';

type Row = readonly TcpTransition[];

/**
 * tcp_conntracks[2][6][TCP_CONNTRACK_MAX] from net/netfilter/nf_conntrack_proto_tcp.c,
 * copied cell for cell. Columns: sNO, sSS, sSR, sES, sFW, sCW, sLA, sTW, sCL, sS2.
 */
const TABLE: Readonly<Record<ConntrackDirection, Readonly<Record<TcpFlagClass, Row>>>> = {
  original: {
    syn: [sSS, sSS, sIG, sIG, sIG, sIG, sIG, sSS, sSS, sS2],
    synack: [sIV, sIV, sSR, sIV, sIV, sIV, sIV, sIV, sIV, sSR],
    fin: [sIV, sIV, sFW, sFW, sLA, sLA, sLA, sTW, sCL, sIV],
    ack: [sES, sIV, sES, sES, sCW, sCW, sTW, sTW, sCL, sIV],
    rst: [sIV, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL],
    none: [sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV],
  },
  reply: {
    syn: [sIV, sS2, sIV, sIV, sIV, sIV, sIV, sSS, sIV, sS2],
    synack: [sIV, sSR, sIG, sIG, sIG, sIG, sIG, sIG, sIG, sSR],
    fin: [sIV, sIV, sFW, sFW, sLA, sLA, sLA, sTW, sCL, sIV],
    ack: [sIV, sIG, sSR, sES, sCW, sCW, sTW, sTW, sCL, sIG],
    rst: [sIV, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL],
    none: [sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV],
  },
};

/**
 * One lookup in the kernel's TCP transition table. Conntrack sits in the
 * middle and tracks the whole connection, not either socket: FIN_WAIT means
 * "a FIN was seen", CLOSE_WAIT "that FIN was ACKed", LAST_ACK "FINs both
 * ways", TIME_WAIT "the last ACK was seen". Sequence numbers and windows
 * (tcp_in_window) are not modelled: every segment counts as acceptable.
 */
export function tcpTransition(state: TcpState, flags: readonly TcpFlag[], direction: ConntrackDirection): TcpTransition {
  const row = TABLE[direction][classifyTcpFlags(flags)];
  return row[COLUMNS.indexOf(state)] ?? 'INVALID';
}

/** Narrows a conntrack state name to a TCP state. */
export function isTcpState(state: string): state is TcpState {
  return (COLUMNS as readonly string[]).includes(state);
}
