/**
 * The chi-square test of a distribution of connections over endpoints against the uniform
 * split kube-proxy's statistic rules aim for (1/n, then 1/(n-1) of the rest, ...).
 */

/** The 99% critical values of the chi-square distribution for 1..10 degrees of freedom (standard tables). */
const CRITICAL_99 = [6.635, 9.21, 11.345, 13.277, 15.086, 16.812, 18.475, 20.09, 21.666, 23.209];

export interface ChiSquare {
  readonly statistic: number;
  readonly critical: number;
  readonly pass: boolean;
}

/** Pearson's statistic for `counts` (one per endpoint) against equal expected counts. */
export function chiSquareUniform(counts: readonly number[]): ChiSquare {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  const statistic = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
  const critical = CRITICAL_99[counts.length - 2];
  if (critical === undefined) throw new Error(`no critical value for ${counts.length} endpoints`);
  return { statistic, critical, pass: statistic < critical };
}
