import type { Packet } from '../net/packet';
import {
  findConntrackEntry,
  replaceConntrackEntry,
  type ConntrackDirection,
  type ConntrackEntry,
  type ConntrackTable,
} from './conntrack-entry';
import { sctpTransition, type SctpState } from './sctp-state';
import { classifyTcpFlags, tcpTransition, type TcpState } from './tcp-state';
import { KERNEL_DEFAULT_TIMEOUTS, sctpTimeout, tcpTimeout, type ConntrackTimeouts } from './timeouts';

/**
 * What conntrack made of a packet of a known connection:
 * - 'accepted': the state machine ran and the timer was reset;
 * - 'ignored': sIG, the kernel lets the packet through but changes nothing;
 * - 'invalid': sIV, ctstate INVALID (KUBE-FORWARD drops these); nothing changes;
 * - 'killed': the entry was deleted (a RST before any reply, or a new SYN on a
 *   closed connection: the caller then creates a fresh entry for that SYN).
 */
export type ConntrackOutcome = 'accepted' | 'ignored' | 'invalid' | 'killed';

export interface ConntrackUpdate {
  readonly table: ConntrackTable;
  /** The entry after the packet (for 'killed', its last state; it is no longer in the table). */
  readonly entry: ConntrackEntry;
  /** State name before and after ("SYN_SENT" -> "SYN_RECV"); "" for UDP. */
  readonly from: string;
  readonly to: string;
  readonly outcome: ConntrackOutcome;
}

type Step = { readonly entry: ConntrackEntry; readonly outcome: ConntrackOutcome };

/**
 * tcp_packet() in net/netfilter/nf_conntrack_proto_tcp.c, without window
 * tracking. The timer becomes the new state's timeout (CLOSE's after any RST).
 * ASSURED is set on the ACK that moves SYN_RECV to ESTABLISHED, once a reply
 * has been seen. Simplifications: no sequence numbers, so the 300 s
 * "unacknowledged data" and retransmission caps are not applied once a reply
 * was seen, and a SYN on a TIME_WAIT/CLOSE entry always kills it (the kernel
 * checks IP_CT_TCP_FLAG_CLOSE_INIT or a RST from the same side first).
 */
function updateTcp(entry: ConntrackEntry, packet: Packet, direction: ConntrackDirection, now: number, t: ConntrackTimeouts): Step {
  const old = (entry.state ?? 'NONE') as TcpState;
  const next = tcpTransition(old, packet.flags, direction);
  if (next === 'INVALID') return { entry, outcome: 'invalid' };
  if (next === 'IGNORE') return { entry, outcome: 'ignored' };
  const rst = classifyTcpFlags(packet.flags) === 'rst';
  if (next === 'SYN_SENT' && (old === 'TIME_WAIT' || old === 'CLOSE')) {
    return { entry, outcome: 'killed' };
  }
  let timeout = rst ? t.tcp.CLOSE : tcpTimeout(next, t);
  let assured = entry.assured;
  if (!entry.seenReply) {
    // "If only reply is a RST, we can consider ourselves not to have an
    // established connection ... delete the conntrack immediately. --RR"
    if (rst) return { entry: { ...entry, state: next }, outcome: 'killed' };
    if (next === 'ESTABLISHED') timeout = Math.min(timeout, t.tcp.UNACKNOWLEDGED);
  } else if (!assured && (old === 'SYN_RECV' || old === 'ESTABLISHED') && next === 'ESTABLISHED') {
    assured = true;
  }
  return { entry: { ...entry, state: next, assured, expiresAt: now + timeout }, outcome: 'accepted' };
}

/**
 * nf_conntrack_udp_packet() since Linux 5.16: until a reply has been seen,
 * every packet resets the 30 s timer. The reply clears `[UNREPLIED]` (SEEN_REPLY
 * is set after the protocol handler ran, so the reply itself still gets 30 s).
 * A later packet more than 2 s after the first one (ct->proto.udp.stream_ts)
 * makes it a stream: 120 s and `[ASSURED]`. Later packets within those 2 s keep
 * 30 s and stay unassured, so a DNS query and its answer never show ASSURED.
 */
function updateUdp(entry: ConntrackEntry, now: number, t: ConntrackTimeouts): Step {
  if (!entry.seenReply) return { entry: { ...entry, expiresAt: now + t.udp.unreplied }, outcome: 'accepted' };
  const stream = now > entry.createdAt + 2;
  return {
    entry: {
      ...entry,
      assured: entry.assured || stream,
      expiresAt: now + (stream ? t.udp.stream : t.udp.unreplied),
    },
    outcome: 'accepted',
  };
}

/** See sctp-state.ts: ASSURED on COOKIE_ECHOED -> ESTABLISHED in the reply direction, as sctp_packet() does. */
function updateSctp(entry: ConntrackEntry, direction: ConntrackDirection, now: number, t: ConntrackTimeouts): Step {
  const old = (entry.state ?? 'CLOSED') as SctpState;
  const next = sctpTransition(old, direction, entry.seenReply);
  const assured = entry.assured || (old === 'COOKIE_ECHOED' && next === 'ESTABLISHED' && direction === 'reply');
  return { entry: { ...entry, state: next, assured, expiresAt: now + sctpTimeout(next, t) }, outcome: 'accepted' };
}

/**
 * Runs a later packet of a connection through conntrack (nf_conntrack_in ->
 * the protocol's packet handler): moves the protocol state, resets the timer
 * to the new state's timeout, and sets SEEN_REPLY on the first reply-direction
 * packet. Pass the direction lookupConntrack returned, and kube-proxy's
 * timeouts (KUBE_PROXY_TIMEOUTS) on a kube-proxy node.
 */
export function updateConntrack(
  table: ConntrackTable,
  entryId: number,
  packet: Packet,
  direction: ConntrackDirection,
  now: number,
  timeouts: ConntrackTimeouts = KERNEL_DEFAULT_TIMEOUTS,
): ConntrackUpdate {
  const current = findConntrackEntry(table, entryId);
  if (!current) throw new Error(`conntrack: no entry with id ${entryId}`);
  const step =
    current.protocol === 'tcp'
      ? updateTcp(current, packet, direction, now, timeouts)
      : current.protocol === 'udp'
        ? updateUdp(current, now, timeouts)
        : updateSctp(current, direction, now, timeouts);
  const from = current.state ?? '';
  if (step.outcome === 'killed') {
    return {
      table: { ...table, entries: table.entries.filter((e) => e.id !== entryId) },
      entry: step.entry,
      from,
      to: step.entry.state ?? '',
      outcome: 'killed',
    };
  }
  // nf_conntrack_in sets IPS_SEEN_REPLY after the protocol handler, for any
  // reply-direction packet the handler did not mark INVALID (ignored ones count).
  const entry =
    step.outcome !== 'invalid' && direction === 'reply' && !step.entry.seenReply ? { ...step.entry, seenReply: true } : step.entry;
  const next = entry === current ? table : replaceConntrackEntry(table, entry);
  return { table: next, entry, from, to: entry.state ?? '', outcome: step.outcome };
}
