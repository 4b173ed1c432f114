import { PROTOCOL_NUMBER } from '../net/packet';
import { isLive, type ConntrackEntry, type ConntrackTable } from './conntrack-entry';
import type { ConntrackLine } from '../trace/types';
import type { Tuple } from './tuple';

/**
 * Whole seconds left on the timer, as ctnetlink reports it
 * (nf_ct_expires(ct) / HZ: truncated, never negative). A TCP entry that was
 * refreshed to 432000 a moment ago therefore lists as 431999. The difference
 * is rounded to microseconds first so float noise (120.1 - 0.1) cannot drop a
 * whole second.
 */
export function remainingSeconds(entry: ConntrackEntry, now: number): number {
  const left = Math.round((entry.expiresAt - now) * 1e6) / 1e6;
  return Math.max(0, Math.floor(left));
}

function formatTuple(t: Tuple): string {
  return `src=${t.src} dst=${t.dst} sport=${t.sport} dport=${t.dport}`;
}

/**
 * The fields shared by `-L` and `-E` lines, in the order
 * libnetfilter_conntrack's src/conntrack/snprintf_default.c prints them, each
 * followed by one space: protocol name "%-8s %u", timeout, protocol state
 * (TCP, SCTP; UDP has none), original tuple, `[UNREPLIED]` when no reply was
 * seen, reply tuple, `[ASSURED]`. The timeout is left out for DESTROY events.
 */
function formatBody(entry: ConntrackEntry, timeout: number | null): string {
  const parts: string[] = [`${entry.protocol.padEnd(8)} ${PROTOCOL_NUMBER[entry.protocol]}`];
  if (timeout !== null) parts.push(String(timeout));
  if (entry.state !== null) parts.push(entry.state);
  parts.push(formatTuple(entry.orig));
  if (!entry.seenReply) parts.push('[UNREPLIED]');
  parts.push(formatTuple(entry.reply));
  if (entry.assured) parts.push('[ASSURED]');
  return parts.join(' ');
}

/**
 * One line of `conntrack -L`, byte for byte:
 * `tcp      6 431999 ESTABLISHED src=… dst=… sport=… dport=… src=… dst=… sport=… dport=… [ASSURED] mark=0 use=1`.
 * `use=1`: one reference (the table's own) when no packet is in flight.
 */
export function formatConntrackEntry(entry: ConntrackEntry, now: number): string {
  return `${formatBody(entry, remainingSeconds(entry, now))} mark=${entry.mark} use=1`;
}

/**
 * `conntrack -L` for a table: one line per live entry. The real tool walks the
 * kernel's hash buckets, an order that looks random; we list by entry id
 * (creation order) so traces are deterministic and easy to follow.
 */
export function formatConntrackList(table: ConntrackTable, now: number): string[] {
  return table.entries.filter((e) => isLive(e, now)).map((e) => formatConntrackEntry(e, now));
}

/** The same listing with each line's entry id, as the trace's NodeConntrack carries it. */
export function listConntrackLines(table: ConntrackTable, now: number): readonly ConntrackLine[] {
  return table.entries.filter((e) => isLive(e, now)).map((e) => ({ id: e.id, text: formatConntrackEntry(e, now) }));
}

/** The summary conntrack-tools 1.4.7 prints on stderr after a listing. */
export function formatConntrackSummary(count: number): string {
  return `conntrack v1.4.7 (conntrack-tools): ${count} flow entries have been shown.`;
}

/** The event types `conntrack -E` reports. */
export type ConntrackEventType = 'NEW' | 'UPDATE' | 'DESTROY';

/**
 * One line of `conntrack -E` (without `-o timestamp`): the event right-aligned
 * in 9 characters ("%9s"), then the entry without `mark`/`use`; DESTROY lines
 * have no timeout column.
 */
export function formatConntrackEvent(entry: ConntrackEntry, event: ConntrackEventType, now: number): string {
  const timeout = event === 'DESTROY' ? null : remainingSeconds(entry, now);
  return `${`[${event}]`.padStart(9)} ${formatBody(entry, timeout)}`;
}
