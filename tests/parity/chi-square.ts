import jStat from 'jstat';
import { chiSquare } from '../../src/lab/chi-square';

/**
 * The chi-square test of a distribution of connections over endpoints against the uniform
 * split kube-proxy's statistic rules aim for (1/n, then 1/(n-1) of the rest, ...): the
 * load-balancing lab's statistic, against the 99% point of the distribution (jstat).
 */
export interface ChiSquare {
  readonly statistic: number;
  readonly critical: number;
  readonly pass: boolean;
}

/** Pearson's statistic for `counts` (one per endpoint) against equal expected counts. */
export function chiSquareUniform(counts: readonly number[]): ChiSquare {
  const { statistic, df } = chiSquare(
    counts,
    counts.map(() => 1 / counts.length),
  );
  if (df < 1) throw new Error(`a chi-square test needs two endpoints or more, not ${counts.length}`);
  const critical = jStat.chisquare.inv(0.99, df);
  return { statistic, critical, pass: statistic < critical };
}
