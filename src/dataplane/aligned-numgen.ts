import { computeProbability } from '../kube-proxy/probability';
import type { Rng } from '../net/rng';

/**
 * `numgen random mod N` for the walk: a uniform number in [0, N), drawn from the scenario's
 * seeded generator with the very draws iptables mode's `-m statistic --mode random` rules
 * make for a Service of N endpoints (rule i takes the packet with --probability 1/(N-i),
 * `(u32 & 0x7fffffff) < round(p * 2^31)` as xt_statistic compares; the last takes the rest).
 * The kernel draws one u32 and scales it (nft_ng_random_eval, as `seededNumgen` does); both
 * are uniform, and which sample the simulation takes is its own choice: this one makes a
 * seed send each connection to the same endpoint in both modes, so their conntrack entries
 * (and every later random draw, source ports included) are the same, and only the rules differ.
 *
 * @example alignedNumgen(createRng(1))(2) // the index iptables mode's KUBE-SVC chain picks for seed 1
 */
export function alignedNumgen(rng: Rng): (mod: number) => number {
  return (mod) => {
    for (let i = 0; i < mod - 1; i++) {
      const threshold = Math.round(Number(computeProbability(mod - i)) * 0x80000000);
      if ((rng.nextU32() & 0x7fffffff) >>> 0 < threshold) return i;
    }
    return mod - 1;
  };
}
