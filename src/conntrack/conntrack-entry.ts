import type { Protocol } from '../net/packet';
import type { SctpState } from './sctp-state';
import type { TcpState } from './tcp-state';
import type { Tuple } from './tuple';

/**
 * Which way a packet travels relative to the connection: 'original' is the
 * direction of the first packet (client -> Service), 'reply' the answer
 * (IP_CT_DIR_ORIGINAL / IP_CT_DIR_REPLY).
 */
export type ConntrackDirection = 'original' | 'reply';

/** The protocol state conntrack prints after the timeout; null for UDP, which has none. */
export type ConntrackState = TcpState | SctpState | null;

/** One connection as `conntrack -L` shows it (struct nf_conn, reduced). */
export interface ConntrackEntry {
  /** Assigned in creation order, starting at 1; never reused within a table. */
  readonly id: number;
  readonly protocol: Protocol;
  /** The first packet as the client sent it. */
  readonly orig: Tuple;
  /** What the answer looks like on the wire: holds the DNAT backend and the SNAT address. */
  readonly reply: Tuple;
  readonly state: ConntrackState;
  /** IPS_SEEN_REPLY: a packet went the reply way. Unset prints `[UNREPLIED]`. */
  readonly seenReply: boolean;
  /** IPS_ASSURED: printed `[ASSURED]`; such entries are not early-dropped. */
  readonly assured: boolean;
  /** The connection mark (ct mark), not the packet mark: 0 even for masqueraded flows. */
  readonly mark: number;
  /** Simulated second at which the timer runs out; live while now < expiresAt. */
  readonly expiresAt: number;
  /** Simulated second of the first packet (UDP's 2 s stream rule counts from it). */
  readonly createdAt: number;
  /** IPS_DST_NAT: the reply tuple's source differs from the original destination. */
  readonly dnat: boolean;
  /** IPS_SRC_NAT: the reply tuple's destination differs from the original source. */
  readonly snat: boolean;
}

/** A node's conntrack table: plain data, replaced (never mutated) by every operation. */
export interface ConntrackTable {
  /** In creation order (ascending id). */
  readonly entries: readonly ConntrackEntry[];
  readonly nextId: number;
}

/** A table with no connections; the first entry gets id 1. */
export function emptyConntrackTable(): ConntrackTable {
  return { entries: [], nextId: 1 };
}

/** A live entry's timer has not run out yet (nf_ct_is_expired: expired when timeout - now <= 0). */
export function isLive(entry: ConntrackEntry, now: number): boolean {
  return entry.expiresAt > now;
}

/** The entry with this id, or undefined. */
export function findConntrackEntry(table: ConntrackTable, id: number): ConntrackEntry | undefined {
  return table.entries.find((e) => e.id === id);
}

/** Replaces the entry with the same id, keeping the order. */
export function replaceConntrackEntry(table: ConntrackTable, entry: ConntrackEntry): ConntrackTable {
  return { ...table, entries: table.entries.map((e) => (e.id === entry.id ? entry : e)) };
}
