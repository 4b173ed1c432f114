import { createRng } from '../net/rng';

/**
 * The same items in an order drawn from `seed` (Fisher-Yates on the engine's
 * seeded generator): the same trace always asks its questions with the same
 * choices in the same order, and another seed deals them another way.
 */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const rng = createRng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.nextInt(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A question's own seed: the trace's seed and the step, so two questions of one trace deal differently. */
export const questionSeed = (traceSeed: number, step: number): number => (Math.imul(traceSeed >>> 0, 2654435761) + step * 40503) >>> 0;
