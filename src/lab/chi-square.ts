import jStat from 'jstat';

/** Pearson's goodness-of-fit statistic and its degrees of freedom. */
export interface ChiSquare {
  readonly statistic: number;
  readonly df: number;
}

/**
 * Pearson's chi-square of observed counts against expected shares (which sum to 1):
 * sum of (observed - expected)^2 / expected over the categories with a share above 0;
 * df is their number minus 1.
 *
 * @example chiSquare([1012, 990, 998], [1 / 3, 1 / 3, 1 / 3]) // { statistic: 0.248, df: 2 }
 */
export function chiSquare(counts: readonly number[], shares: readonly number[]): ChiSquare {
  const total = counts.reduce((a, b) => a + b, 0);
  let statistic = 0;
  let categories = 0;
  shares.forEach((share, i) => {
    if (!(share > 0)) return;
    categories++;
    const expected = total * share;
    const observed = counts[i] ?? 0;
    statistic += ((observed - expected) * (observed - expected)) / expected;
  });
  return { statistic, df: Math.max(0, categories - 1) };
}

/**
 * The chance a chi-square variable with `df` degrees of freedom is at least
 * `statistic`: 1 - CDF (jstat). Null for df 0 (one category: nothing to test).
 *
 * @example chiSquarePValue(2, 2) // e^-1 = 0.3679
 */
export function chiSquarePValue(statistic: number, df: number): number | null {
  if (df < 1) return null;
  return 1 - jStat.chisquare.cdf(statistic, df);
}
