import type { Ipv4 } from '../net/ipv4';
import type { Packet } from '../net/packet';
import {
  findConntrackEntry,
  replaceConntrackEntry,
  type ConntrackEntry,
  type ConntrackState,
  type ConntrackTable,
} from './conntrack-entry';
import { isTcpState, tcpTransition } from './tcp-state';
import { KERNEL_DEFAULT_TIMEOUTS, tcpTimeout, type ConntrackTimeouts } from './timeouts';
import { invertTuple, tupleEquals, tupleOfPacket, type Tuple } from './tuple';

/** Where a NAT rule sends the connection; a missing port keeps the packet's own port. */
export interface NatTarget {
  readonly ip: Ipv4;
  readonly port?: number;
}

/** The NAT the first packet's rules decided: DNAT in PREROUTING/OUTPUT, SNAT/MASQUERADE in POSTROUTING. */
export interface ConntrackNat {
  readonly dnat?: NatTarget;
  readonly snat?: NatTarget;
}

/**
 * Whether conntrack accepts this packet as the start of a connection. For TCP
 * it is tcp_new(): the row for the segment in the NONE column must not be
 * sIV, so a SYN starts a connection, a bare ACK is picked up mid-stream
 * (nf_conntrack_tcp_loose=1), and a FIN, RST or SYN-ACK without an entry is
 * INVALID and leaves no entry. UDP and SCTP always start one.
 */
export function isValidFirstPacket(packet: Packet): boolean {
  if (packet.protocol !== 'tcp') return true;
  const next = tcpTransition('NONE', packet.flags, 'original');
  return next !== 'INVALID' && next !== 'IGNORE';
}

/**
 * The reply tuple for an original tuple and its NAT (section 2.3 of the
 * reference; nf_nat_setup_info in net/netfilter/nf_nat_core.c): start from the
 * inverted original, DNAT puts the chosen backend in the reply source,
 * SNAT/MASQUERADE puts the masquerade address and port in the reply destination.
 */
export function replyTupleFor(orig: Tuple, nat: ConntrackNat): Tuple {
  let reply = invertTuple(orig);
  if (nat.dnat) reply = { ...reply, src: nat.dnat.ip, sport: nat.dnat.port ?? reply.sport };
  if (nat.snat) reply = { ...reply, dst: nat.snat.ip, dport: nat.snat.port ?? reply.dport };
  return reply;
}

/**
 * The IPS_DST_NAT / IPS_SRC_NAT bits: nf_nat_setup_info sets them only when
 * the NAT actually changed the tuple, so a DNAT to the address already in the
 * packet carries no NAT.
 */
function natFlags(orig: Tuple, reply: Tuple): { dnat: boolean; snat: boolean } {
  const plain = invertTuple(orig);
  return {
    dnat: !tupleEquals({ ...plain, dst: reply.dst, dport: reply.dport }, reply),
    snat: !tupleEquals({ ...plain, src: reply.src, sport: reply.sport }, reply),
  };
}

function firstState(packet: Packet): ConntrackState {
  if (packet.protocol === 'udp') return null;
  if (packet.protocol === 'sctp') return 'COOKIE_WAIT';
  const next = tcpTransition('NONE', packet.flags, 'original');
  return next === 'INVALID' || next === 'IGNORE' ? 'NONE' : next;
}

function firstTimeout(state: ConntrackState, packet: Packet, timeouts: ConntrackTimeouts): number {
  if (packet.protocol === 'udp') return timeouts.udp.unreplied;
  if (packet.protocol === 'sctp') return timeouts.sctp.COOKIE_WAIT;
  if (state === 'ESTABLISHED') {
    // tcp_packet(): ESTABLISHED without SEEN_REPLY is a mid-connection pickup;
    // the timer is capped at nf_conntrack_tcp_timeout_unacknowledged.
    return Math.min(timeouts.tcp.ESTABLISHED, timeouts.tcp.UNACKNOWLEDGED);
  }
  return tcpTimeout(state === null || !isTcpState(state) ? 'NONE' : state, timeouts);
}

/**
 * Tracks the first packet of a connection: TCP SYN -> SYN_SENT for 120 s, UDP
 * for 30 s, SCTP INIT -> COOKIE_WAIT for 3 s, all `[UNREPLIED]`. The original
 * tuple is the packet as the client sent it (pass the packet before DNAT);
 * the reply tuple carries the NAT. Callers look the packet up first
 * (lookupConntrack) and check isValidFirstPacket; an INVALID first packet is a
 * programming error here and throws.
 *
 * In the kernel the entry is created unconfirmed in PREROUTING/OUTPUT and
 * becomes visible to `conntrack -L` only when the packet passes the confirm
 * hook at the end of POSTROUTING/INPUT; a packet dropped before that leaves no
 * entry. The dataplane decides when to call this; use addNatToConntrackEntry
 * when the SNAT is only known in POSTROUTING.
 */
export function createConntrackEntry(
  table: ConntrackTable,
  packet: Packet,
  nat: ConntrackNat,
  now: number,
  timeouts: ConntrackTimeouts = KERNEL_DEFAULT_TIMEOUTS,
): { readonly table: ConntrackTable; readonly entry: ConntrackEntry } {
  if (!isValidFirstPacket(packet)) {
    throw new Error(`conntrack: a ${packet.flags.join(',') || 'flagless'} TCP segment cannot start a connection (INVALID)`);
  }
  const orig = tupleOfPacket(packet);
  const reply = replyTupleFor(orig, nat);
  const state = firstState(packet);
  const entry: ConntrackEntry = {
    id: table.nextId,
    protocol: packet.protocol,
    orig,
    reply,
    state,
    seenReply: false,
    assured: false,
    mark: 0,
    expiresAt: now + firstTimeout(state, packet, timeouts),
    createdAt: now,
    ...natFlags(orig, reply),
  };
  return { table: { entries: [...table.entries, entry], nextId: table.nextId + 1 }, entry };
}

/**
 * Adds NAT decided after the entry was made, typically MASQUERADE in nat
 * POSTROUTING once KUBE-MARK-MASQ marked the first packet. Only the parts
 * given change; the reply tuple is rebuilt from the original tuple.
 */
export function addNatToConntrackEntry(
  table: ConntrackTable,
  entryId: number,
  nat: ConntrackNat,
): { readonly table: ConntrackTable; readonly entry: ConntrackEntry } {
  const current = findConntrackEntry(table, entryId);
  if (!current) throw new Error(`conntrack: no entry with id ${entryId}`);
  const dnat = nat.dnat ?? (current.dnat ? { ip: current.reply.src, port: current.reply.sport } : undefined);
  const snat = nat.snat ?? (current.snat ? { ip: current.reply.dst, port: current.reply.dport } : undefined);
  const reply = replyTupleFor(current.orig, { ...(dnat ? { dnat } : {}), ...(snat ? { snat } : {}) });
  const entry: ConntrackEntry = { ...current, reply, ...natFlags(current.orig, reply) };
  return { table: replaceConntrackEntry(table, entry), entry };
}
