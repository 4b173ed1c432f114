import type { RealServer, WrrMark } from './types';
import { realServerKey } from './virtual-server';

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** ip_vs_wrr.c `ip_vs_wrr_gcd_weight`: gcd of the positive weights, 1 if none. */
function gcdWeight(dests: readonly RealServer[]): number {
  let g = 0;
  for (const d of dests) if (d.weight > 0) g = g > 0 ? gcd(d.weight, g) : d.weight;
  return g > 0 ? g : 1;
}

function maxWeight(dests: readonly RealServer[]): number {
  return dests.reduce((m, d) => Math.max(m, d.weight), 0);
}

/** ip_vs_wrr.c `ip_vs_wrr_init_svc`. */
export function wrrInit(dests: readonly RealServer[]): WrrMark {
  const di = gcdWeight(dests);
  const mw = maxWeight(dests) - (di - 1);
  return { cl: null, di, mw, cw: mw };
}

/** ip_vs_wrr.c `ip_vs_wrr_dest_changed` (add, delete or weight update of a dest). */
export function wrrDestChanged(dests: readonly RealServer[], mark: WrrMark): WrrMark {
  const di = gcdWeight(dests);
  const mw = maxWeight(dests) - (di - 1);
  let cw = mark.cw;
  if (cw > mw || cw === 0) cw = mw;
  else if (di > 1) cw = Math.floor(cw / di) * di + 1;
  return { cl: null, di, mw, cw };
}

/**
 * ip_vs_wrr.c `ip_vs_wrr_schedule`: continue the list walk from `cl`, taking the first
 * dest whose weight >= cw; each time the walk passes the list head cw drops by di, and
 * wraps to mw when it reaches 0. Weight 0 dests never qualify (cw is always >= 1).
 */
export function scheduleWrr(dests: readonly RealServer[], mark: WrrMark): { readonly index: number | null; readonly mark: WrrMark } {
  if (mark.mw === 0) return { index: null, mark };
  const n = dests.length;
  const lastIndex = mark.cl === null ? -1 : dests.findIndex((d) => realServerKey(d) === mark.cl);
  let pos = lastIndex;
  let cw = mark.cw;
  let stop: number | null = null;
  let lastPass = false;
  let restarted = false;
  // The kernel loop ends by itself (last_pass / stop); the cap only guards bad input.
  for (let guard = 0; guard < (n + 2) * (mark.mw + 2); guard++) {
    for (let i = pos + 1; i < n; i++) {
      const d = dests[i];
      if (d === undefined) continue;
      if (d.weight >= cw) return { index: i, mark: { ...mark, cw, cl: realServerKey(d) } };
      if (i === stop) return { index: null, mark: { ...mark, cw, cl: realServerKey(d) } };
    }
    pos = -1;
    cw -= mark.di;
    if (cw <= 0) {
      cw = mark.mw;
      if (lastPass || lastIndex === -1) return { index: null, mark: { ...mark, cw, cl: null } };
      restarted = true;
    }
    lastPass = cw <= mark.di;
    if (lastPass && restarted && lastIndex !== -1) stop = lastIndex;
  }
  return { index: null, mark: { ...mark, cw, cl: null } };
}
