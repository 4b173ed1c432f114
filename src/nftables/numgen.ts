import type { Rng } from '../net/rng';

/**
 * `numgen random mod N` as the kernel computes it (nft_ng_random_eval): a random u32
 * scaled into [0, N) by reciprocal_scale, (r * N) >> 32, drawn from the seeded generator.
 *
 * @example seededNumgen(createRng(1))(2) // 0 or 1, the same for the same seed
 */
export function seededNumgen(rng: Rng): (mod: number) => number {
  return (mod) => Number((BigInt(rng.nextU32()) * BigInt(mod)) >> 32n);
}
