/**
 * The kernel's xt_recent lists (/proc/net/xt_recent/NAME) as plain data:
 * list name -> address -> last-seen time in simulated seconds. kube-proxy names one
 * list per KUBE-SEP chain for ClientIP session affinity.
 */
export type RecentLists = Readonly<Record<string, Readonly<Record<string, number>>>>;

export const EMPTY_RECENT_LISTS: RecentLists = {};

/** When `ip` was last recorded in list `name`, or undefined. */
export function recentLastSeen(lists: RecentLists, name: string, ip: string): number | undefined {
  const list = Object.hasOwn(lists, name) ? lists[name] : undefined;
  return list !== undefined && Object.hasOwn(list, ip) ? list[ip] : undefined;
}

/** A copy with `ip` recorded at `now` (copy-on-write: the input is never changed). */
export function recordRecent(lists: RecentLists, name: string, ip: string, now: number): RecentLists {
  return { ...lists, [name]: { ...(lists[name] ?? {}), [ip]: now } };
}

/** A copy without `ip` in list `name` (--remove, or --reap of an expired entry). */
export function forgetRecent(lists: RecentLists, name: string, ip: string): RecentLists {
  const list = lists[name];
  if (list === undefined || !Object.hasOwn(list, ip)) return lists;
  const { [ip]: _removed, ...rest } = list;
  return { ...lists, [name]: rest };
}
