import type { RealServer } from './types';
import { realServerKey } from './virtual-server';

/** ip_vs_rr.c / ip_vs_sched.c: a dest is available when weight > 0 and not overloaded. */
export function isAvailable(rs: RealServer): boolean {
  return rs.weight > 0;
}

/**
 * ip_vs_rr.c `ip_vs_rr_schedule`: walk the destination list from the entry after the
 * last chosen one (`svc->sched_data`, null = the list head), wrapping once, and take the
 * first available dest. Returns the chosen index and the new position, or null.
 */
export function scheduleRr(
  dests: readonly RealServer[],
  last: string | null,
): { readonly index: number; readonly position: string } | null {
  const n = dests.length;
  if (n === 0) return null;
  const lastIndex = last === null ? -1 : dests.findIndex((d) => realServerKey(d) === last);
  for (let step = 1; step <= n; step++) {
    const i = (lastIndex + step + n) % n;
    const d = dests[i];
    if (d !== undefined && isAvailable(d)) return { index: i, position: realServerKey(d) };
  }
  return null;
}

/**
 * ip_vs_rr.c `ip_vs_rr_del_dest`: when the dest `sched_data` points at is unlinked, the
 * position moves to the entry before it (or the head), so the next pick is the one after.
 */
export function rrPositionAfterDelete(dests: readonly RealServer[], deletedKey: string, last: string | null): string | null {
  if (last !== deletedKey) return last;
  const i = dests.findIndex((d) => realServerKey(d) === deletedKey);
  const prev = i > 0 ? dests[i - 1] : undefined;
  return prev === undefined ? null : realServerKey(prev);
}
