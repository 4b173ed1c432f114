import type { RealServer } from './types';

/**
 * include/net/ip_vs.h `ip_vs_dest_conn_overhead`: (activeconns << 8) + inactconns, so
 * one active connection weighs as much as 256 inactive ones.
 */
export function connOverhead(rs: RealServer): number {
  return rs.activeConn * 256 + rs.inActConn;
}

/**
 * ip_vs_lc.c `ip_vs_lc_schedule`: the dest with the smallest overhead; weight 0 dests
 * are skipped; on a tie the first in list order wins (strict `<`).
 */
export function scheduleLc(dests: readonly RealServer[]): number | null {
  let least: number | null = null;
  let loh = 0;
  dests.forEach((d, i) => {
    if (d.weight === 0) return;
    const doh = connOverhead(d);
    if (least === null || doh < loh) {
      least = i;
      loh = doh;
    }
  });
  return least;
}

/**
 * The shape shared by ip_vs_wlc.c and ip_vs_sed.c: start at the first dest with
 * weight > 0, then switch to any later dest when `loh * dest.weight > doh * least.weight`
 * (overhead / weight is smaller, compared without division).
 */
function scheduleWeighted(dests: readonly RealServer[], overhead: (rs: RealServer) => number): number | null {
  const first = dests.findIndex((d) => d.weight > 0);
  if (first < 0) return null;
  let least = first;
  let loh = overhead(dests[first] as RealServer);
  for (let i = first + 1; i < dests.length; i++) {
    const d = dests[i] as RealServer;
    const doh = overhead(d);
    if (loh * d.weight > doh * (dests[least] as RealServer).weight) {
      least = i;
      loh = doh;
    }
  }
  return least;
}

/** ip_vs_wlc.c: least `((active << 8) + inactive) / weight`. */
export function scheduleWlc(dests: readonly RealServer[]): number | null {
  return scheduleWeighted(dests, connOverhead);
}

/** ip_vs_sed.c `ip_vs_sed_dest_overhead`: active + 1; least `(active + 1) / weight`. */
export function scheduleSed(dests: readonly RealServer[]): number | null {
  return scheduleWeighted(dests, (d) => d.activeConn + 1);
}

/**
 * ip_vs_nq.c `ip_vs_nq_schedule`: the first dest in list order with no active
 * connection wins at once; otherwise the smallest `(active + 1) / weight` as sed.
 */
export function scheduleNq(dests: readonly RealServer[]): number | null {
  let least: number | null = null;
  let loh = 0;
  for (let i = 0; i < dests.length; i++) {
    const d = dests[i] as RealServer;
    if (d.weight === 0) continue;
    const doh = d.activeConn + 1;
    if (d.activeConn === 0) return i;
    if (least === null || loh * d.weight > doh * (dests[least] as RealServer).weight) {
      least = i;
      loh = doh;
    }
  }
  return least;
}
