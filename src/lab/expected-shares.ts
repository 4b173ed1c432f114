import type { IpvsScheduler } from '../ipvs';
import type { LbLabDeterminism, LbLabRules } from './lb-lab-types';

/** An endpoint as the rules list it, and the share of new connections they give it. */
export interface ExpectedShare {
  readonly endpoint: string;
  readonly share: number;
}

const SCHEDULER_DETERMINISM: Readonly<Record<IpvsScheduler, LbLabDeterminism>> = {
  rr: 'rr',
  wrr: 'wrr',
  lc: 'least-connection',
  wlc: 'least-connection',
  sed: 'least-connection',
  nq: 'least-connection',
  sh: 'hash',
  dh: 'hash',
};

/**
 * IPVS: rr and lc pass over weight-0 servers and treat the others alike
 * (ip_vs_rr.c, ip_vs_lc.c); wrr, wlc, sed, nq, and sh and dh (whose 256-bucket tables
 * give each server as many buckets as its weight) share by weight.
 */
function ipvsShares(rules: Extract<LbLabRules, { kind: 'ipvs' }>): ExpectedShare[] {
  const equal = rules.scheduler === 'rr' || rules.scheduler === 'lc';
  const weightOf = (w: number) => (w > 0 ? (equal ? 1 : w) : 0);
  const total = rules.weights.reduce((sum, w) => sum + weightOf(w.weight), 0);
  return rules.weights.map((w) => ({ endpoint: w.endpoint, share: total > 0 ? weightOf(w.weight) / total : 0 }));
}

/**
 * Each endpoint's expected share of new connections, read from the rules themselves
 * (the `statistic` chain's conditional probabilities, numgen's 1/N, or IPVS's weights), and whether
 * the counts are random draws at all. With session affinity the shares are those of a
 * client's first connection: every later one follows it.
 *
 * @example expectedShares(rules).shares.map((s) => s.share) // [0.333..., 0.333..., 0.333...]
 */
export function expectedShares(rules: LbLabRules): { readonly shares: ExpectedShare[]; readonly determinism: LbLabDeterminism } {
  switch (rules.kind) {
    case 'none':
      return { shares: [], determinism: 'none' };
    case 'statistic': {
      const shares = rules.rules.map((r) => ({ endpoint: r.endpoint, share: r.share }));
      const determinism = shares.length === 1 ? 'single' : rules.affinitySeconds !== null ? 'affinity' : 'random';
      return { shares, determinism };
    }
    case 'numgen': {
      const shares = rules.endpoints.map((e) => ({ endpoint: e.endpoint, share: 1 / rules.mod }));
      const determinism = shares.length === 1 ? 'single' : rules.affinitySeconds !== null ? 'affinity' : 'random';
      return { shares, determinism };
    }
    case 'ipvs': {
      const shares = ipvsShares(rules);
      const live = shares.filter((s) => s.share > 0).length;
      const determinism = live <= 1 ? 'single' : rules.persistentSeconds !== null ? 'affinity' : SCHEDULER_DETERMINISM[rules.scheduler];
      return { shares, determinism };
    }
  }
}
