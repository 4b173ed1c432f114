import type { Packet } from '../net/packet';
import type { IpvsConnState, IpvsTcpState } from './types';

/** IPVS's direction of a packet: INPUT = client -> virtual service, OUTPUT = real server -> client. */
export type IpvsDirection = 'original' | 'reply';

const ORDER: readonly IpvsTcpState[] = [
  'NONE',
  'ESTABLISHED',
  'SYN_SENT',
  'SYN_RECV',
  'FIN_WAIT',
  'TIME_WAIT',
  'CLOSE',
  'CLOSE_WAIT',
  'LAST_ACK',
  'LISTEN',
  'SYNACK',
];

/** ip_vs_proto_tcp.c `tcp_timeouts`, in seconds (kube-proxy's tcpTimeout etc. = 0 keeps them). */
export const IPVS_TCP_TIMEOUTS: Readonly<Record<IpvsTcpState, number>> = {
  NONE: 2,
  ESTABLISHED: 900,
  SYN_SENT: 120,
  SYN_RECV: 60,
  FIN_WAIT: 120,
  TIME_WAIT: 120,
  CLOSE: 10,
  CLOSE_WAIT: 60,
  LAST_ACK: 30,
  LISTEN: 120,
  SYNACK: 120,
};

/** ip_vs_proto_udp.c `udp_timeouts[IP_VS_UDP_S_NORMAL]`: 5 minutes. */
export const IPVS_UDP_TIMEOUT = 300;

/**
 * ip_vs_proto_tcp.c `tcp_state_active_table` (Linux >= 4.9, "ipvs: count pre-established
 * TCP states as active"): ESTABLISHED and the handshake states SYN_SENT, SYN_RECV and
 * SYNACK count in ActiveConn; every other state counts in InActConn.
 */
export function isActiveState(state: IpvsConnState): boolean {
  return state === 'ESTABLISHED' || state === 'SYN_SENT' || state === 'SYN_RECV' || state === 'SYNACK';
}

type Row = readonly IpvsTcpState[];
const [, sES, sSS, sSR, sFW, sTW, sCL, sCW, sLA, sLI] = ORDER as [
  IpvsTcpState,
  IpvsTcpState,
  IpvsTcpState,
  IpvsTcpState,
  IpvsTcpState,
  IpvsTcpState,
  IpvsTcpState,
  IpvsTcpState,
  IpvsTcpState,
  IpvsTcpState,
];

/**
 * ip_vs_proto_tcp.c `tcp_states` (secure_tcp off), rows syn/fin/ack/rst, columns in the
 * order sNO sES sSS sSR sFW sTW sCL sCW sLA sLI sSA. kube-proxy's real servers are
 * Masq, so IPVS sees both directions and the INPUT-ONLY table is never used.
 */
const INPUT: readonly Row[] = [
  [sSR, sES, sES, sSR, sSR, sSR, sSR, sSR, sSR, sSR, sSR],
  [sCL, sCW, sSS, sTW, sTW, sTW, sCL, sCW, sLA, sLI, sTW],
  [sES, sES, sSS, sES, sFW, sTW, sCL, sCW, sCL, sLI, sES],
  [sCL, sCL, sCL, sSR, sCL, sCL, sCL, sCL, sLA, sLI, sSR],
];
const OUTPUT: readonly Row[] = [
  [sSS, sES, sSS, sSR, sSS, sSS, sSS, sSS, sSS, sLI, sSR],
  [sTW, sFW, sSS, sTW, sFW, sTW, sCL, sTW, sLA, sLI, sTW],
  [sES, sES, sSS, sES, sFW, sTW, sCL, sCW, sLA, sES, sES],
  [sCL, sCL, sSS, sCL, sCL, sTW, sCL, sCL, sCL, sCL, sCL],
];

/** ip_vs_proto_tcp.c `tcp_state_idx`: rst, then syn, then fin, then ack; -1 for none. */
function stateIndex(packet: Packet): number {
  const f = packet.flags;
  if (f.includes('RST')) return 3;
  if (f.includes('SYN')) return 0;
  if (f.includes('FIN')) return 1;
  if (f.includes('ACK')) return 2;
  return -1;
}

/**
 * ip_vs_proto_tcp.c `set_tcp_state`: the next IPVS TCP state for a packet. A segment
 * with none of SYN/FIN/ACK/RST moves the connection to CLOSE, as in the kernel.
 */
export function nextTcpState(current: IpvsConnState, packet: Packet, direction: IpvsDirection): IpvsTcpState {
  const idx = stateIndex(packet);
  if (idx < 0) return 'CLOSE';
  const col = ORDER.indexOf(current === 'UDP' ? 'NONE' : current);
  const row = (direction === 'original' ? INPUT : OUTPUT)[idx];
  return row?.[col] ?? 'CLOSE';
}
