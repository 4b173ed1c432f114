import { describe, expect, it } from 'vitest';
import { chiSquare, chiSquarePValue } from '../../../src/lab/chi-square';

describe('chiSquare', () => {
  it('is 0 for counts exactly as expected, and grows with the deviation', () => {
    expect(chiSquare([1000, 1000, 1000], [1 / 3, 1 / 3, 1 / 3])).toEqual({ statistic: 0, df: 2 });
    const { statistic } = chiSquare([1100, 950, 950], [1 / 3, 1 / 3, 1 / 3]);
    expect(statistic).toBeCloseTo(10 + 2.5 + 2.5, 10);
  });

  it('leaves out the categories with no expected share from df', () => {
    expect(chiSquare([600, 400, 0], [0.6, 0.4, 0]).df).toBe(1);
  });
});

describe('chiSquarePValue', () => {
  // For an even df the tail is a Poisson sum: P(chi2(df) >= x) = Q(df/2, x/2); df 1 and 2 are the textbook 5% and 1% points.
  it.each([
    [0.152, 2, 0.926816],
    [3.841459, 1, 0.05],
    [5.991465, 2, 0.05],
    [9.21034, 2, 0.01],
    [20, 10, 0.0292527],
    [1, 30, 1],
    // Q(1, x) = e^-x: df 2 at 2x.
    [4, 2, Math.exp(-2)],
  ])('chi-square %d with df %d has p = %d', (x, df, p) => {
    expect(chiSquarePValue(x, df)).toBeCloseTo(p, 5);
  });

  it('has no p-value with one category', () => {
    expect(chiSquarePValue(0, 0)).toBeNull();
  });
});
