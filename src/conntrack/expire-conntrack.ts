import { isLive, type ConntrackEntry, type ConntrackTable } from './conntrack-entry';

/**
 * Drops every entry whose timer has run out by `now` (the kernel's gc_worker
 * and the lazy checks in nf_conntrack_find do the same: an entry is gone once
 * timeout - now <= 0). Ids are not reused: nextId stays.
 */
export function expireConntrack(table: ConntrackTable, now: number): ConntrackTable {
  const entries = table.entries.filter((e) => isLive(e, now));
  return entries.length === table.entries.length ? table : { ...table, entries };
}

/**
 * Deletes the entries the predicate picks, as `conntrack -D` or kube-proxy's
 * netlink cleanup (conntrack.CleanStaleEntries, for UDP entries whose backend
 * is gone) do. Returns the new table and what was deleted.
 */
export function deleteConntrackEntries(
  table: ConntrackTable,
  predicate: (entry: ConntrackEntry) => boolean,
): { readonly table: ConntrackTable; readonly deleted: readonly ConntrackEntry[] } {
  const deleted = table.entries.filter(predicate);
  if (deleted.length === 0) return { table, deleted };
  return { table: { ...table, entries: table.entries.filter((e) => !predicate(e)) }, deleted };
}
