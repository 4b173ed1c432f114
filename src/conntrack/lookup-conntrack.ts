import type { Packet } from '../net/packet';
import { isLive, type ConntrackDirection, type ConntrackEntry, type ConntrackTable } from './conntrack-entry';
import { packetMatchesTuple } from './tuple';

/** A packet's entry and the direction it travels in. */
export interface ConntrackMatch {
  readonly entry: ConntrackEntry;
  readonly direction: ConntrackDirection;
}

/**
 * Finds the connection a packet belongs to, as nf_conntrack_in() does with
 * __nf_conntrack_find_get(): the packet's 5-tuple as it is on the wire right
 * now is compared with each live entry's original tuple (direction
 * 'original') and reply tuple (direction 'reply'). This is why a reply from
 * the backend pod (src = pod IP:targetPort) finds the entry at all: the reply
 * tuple already holds the DNAT target. Expired entries never match.
 */
export function lookupConntrack(table: ConntrackTable, packet: Packet, now: number): ConntrackMatch | null {
  for (const entry of table.entries) {
    if (!isLive(entry, now)) continue;
    if (packetMatchesTuple(packet, entry.orig)) return { entry, direction: 'original' };
    if (packetMatchesTuple(packet, entry.reply)) return { entry, direction: 'reply' };
  }
  return null;
}
