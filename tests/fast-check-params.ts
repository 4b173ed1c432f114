import type fc from 'fast-check';

/** The seed every property test starts from unless FC_SEED says otherwise: CI checks the same cases on every run. */
export const DEFAULT_FC_SEED = 20250917;

function envInteger(name: string, value: string): number {
  if (!/^-?\d+$/.test(value)) throw new Error(`${name} must be a whole number or "random", not "${value}"`);
  return Number(value);
}

/**
 * fast-check's parameters for a property test. By default a fixed seed and the
 * test's own number of runs, so CI checks the same cases every time and a
 * failure prints a seed that replays it. Locally, the environment widens the search:
 *
 *   FC_SEED=random FC_RUNS=2000 npx vitest run --testTimeout=0 tests/engine/trace/timeline-properties.test.ts
 *   FC_SEED=1234 npx vitest run ...   # replays the seed a failure printed
 *
 * FC_SEED is a whole number or "random" (fast-check draws one and prints it on
 * failure); FC_RUNS replaces every property's number of runs (lift vitest's
 * 5 s per test with --testTimeout=0 for long runs).
 *
 * @example fc.assert(fc.property(fc.nat(), (n) => n >= 0), propertyParams(100))
 */
export function propertyParams<Ts>(numRuns: number, params: fc.Parameters<Ts> = {}): fc.Parameters<Ts> {
  const seed = process.env.FC_SEED;
  const runs = process.env.FC_RUNS;
  return {
    ...params,
    numRuns: runs ? envInteger('FC_RUNS', runs) : numRuns,
    ...(seed === 'random' ? {} : { seed: seed ? envInteger('FC_SEED', seed) : DEFAULT_FC_SEED }),
  };
}
