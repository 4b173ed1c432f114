import type { ConntrackDirection } from './conntrack-entry';

/** The SCTP states this engine reaches (sctp_conntrack_names[] spelling). */
export type SctpState = 'CLOSED' | 'COOKIE_WAIT' | 'COOKIE_ECHOED' | 'ESTABLISHED';

/**
 * A simplified SCTP tracker. net/netfilter/nf_conntrack_proto_sctp.c moves on
 * chunk types (INIT, INIT_ACK, COOKIE_ECHO, COOKIE_ACK, ...), but our Packet
 * carries no chunks, so we assume the standard four-way handshake in order:
 * INIT (original) -> COOKIE_WAIT, INIT_ACK (reply) stays COOKIE_WAIT,
 * COOKIE_ECHO (original) -> COOKIE_ECHOED, COOKIE_ACK (reply) -> ESTABLISHED.
 * Shutdown and heartbeat states are not modelled.
 */
export function sctpTransition(state: SctpState, direction: ConntrackDirection, seenReply: boolean): SctpState {
  if (state === 'COOKIE_WAIT' && direction === 'original' && seenReply) return 'COOKIE_ECHOED';
  if (state === 'COOKIE_ECHOED' && direction === 'reply') return 'ESTABLISHED';
  return state;
}
