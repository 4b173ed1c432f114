import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { mersenne } from 'pure-rand/generator/mersenne';

/**
 * The seeded generator every random choice of the engine draws from (iptables
 * `statistic --mode random`, ephemeral source ports, MASQUERADE ports).
 * A scenario's seed fixes it, so a shared URL replays the same choices.
 */
export interface Rng {
  /** A uniform unsigned 32-bit integer, like the kernel's get_random_u32(). */
  nextU32(): number;
  /** A uniform integer in [min, max]. */
  nextInt(min: number, max: number): number;
}

export function createRng(seed: number): Rng {
  // MT19937's init_genrand spreads even small seeds (0, 1, 2...) over its whole
  // state; xoroshiro128+ seeded with small integers gave visibly biased first draws.
  const gen = mersenne(seed >>> 0);
  return {
    nextU32: () => uniformInt(gen, 0, 0xffffffff),
    nextInt: (min, max) => uniformInt(gen, min, max),
  };
}
