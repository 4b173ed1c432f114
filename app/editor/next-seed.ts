/**
 * The seed after `seed`: one step of the classic ANSI C linear congruential
 * generator (a = 1103515245, c = 12345, mod 2^32). Deterministic, so "roll
 * again" from the same seed always lands on the same next seed.
 * Math.imul keeps the product exact in 32 bits (a plain product would pass 2^53).
 */
export function nextSeed(seed: number): number {
  return (Math.imul(seed >>> 0, 1103515245) + 12345) >>> 0;
}
