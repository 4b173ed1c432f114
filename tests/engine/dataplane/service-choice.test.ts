import { describe, expect, it } from 'vitest';
import { formatSeconds, formatShare, serviceChoice } from '../../../src/dataplane/service-choice';
import { ipv4 } from '../../../src/net/ipv4';
import { unwrap } from '../../../src/net/result';
import { evaluateChain } from '../../../src/netfilter/evaluate';
import { parseIptablesRestore } from '../../../src/netfilter/parse-restore';
import type { RecentLists } from '../../../src/netfilter/recent-lists';
import { context, env, NODE_RULES, packet } from '../netfilter/fixtures';

// default/web (10.96.0.50): three endpoints, probabilities 1/3, 1/2, then none.
// ns5/affine (10.96.0.55): ClientIP affinity (10800 s) over two endpoints.
const ruleset = unwrap(parseIptablesRestore(NODE_RULES));
const client = ipv4('10.244.1.2');

/** The choice for a new connection to `vip`, with the rng seeded `seed` and the node's recent lists as given. */
function choose(vip: string, seed: number, recent: RecentLists = {}) {
  const e = env(seed, { recent });
  const result = evaluateChain(ruleset, 'nat', 'PREROUTING', context(packet(client, vip, 80)), e);
  return serviceChoice(result.evaluated, ruleset, recent, e.now, client);
}

/** The first seed whose draw makes the given kind (and endpoint rule) decide. */
function seedFor(vip: string, kind: string, passed?: number): number {
  for (let seed = 1; seed < 500; seed++) {
    const c = choose(vip, seed);
    if (c?.kind === kind && (passed === undefined || (c.kind === 'statistic' && c.passed === passed))) return seed;
  }
  throw new Error(`no seed makes ${kind} decide`);
}

describe('which match in a KUBE-SVC chain chose the endpoint', () => {
  it('the first statistic rule: its probability as iptables-save prints it, and each of 3 endpoints gets 1/3', () => {
    expect(choose('10.96.0.50', seedFor('10.96.0.50', 'statistic', 0))).toMatchObject({
      kind: 'statistic',
      svcChain: 'KUBE-SVC-CDGGSHYLG3RE2FKL',
      sepChain: 'KUBE-SEP-2AZ33KU3V5PGPQZH',
      probability: '0.33333333349',
      share: '1/3',
      endpoints: 3,
      passed: 0,
      affinitySeconds: null,
    });
  });

  it('the second statistic rule, after the first missed: probability 0.5 of what is left, still 1/3 overall', () => {
    expect(choose('10.96.0.50', seedFor('10.96.0.50', 'statistic', 1))).toMatchObject({
      probability: '0.50000000000',
      share: '1/3',
      passed: 1,
    });
  });

  it('the last rule, with no statistic match: taken when every statistic rule missed, 1/3 overall', () => {
    expect(choose('10.96.0.50', seedFor('10.96.0.50', 'last'))).toMatchObject({
      kind: 'last',
      sepChain: 'KUBE-SEP-SS2T4ADR43IYLGAO',
      endpoints: 3,
      share: '1/3',
    });
  });

  it('session affinity: the client is in the endpoint list, so --rcheck decides, with the seconds of the window left', () => {
    const recent: RecentLists = { 'KUBE-SEP-AFF2': { '10.244.1.2': 900 } };
    expect(choose('10.96.0.55', 1, recent)).toEqual({
      kind: 'affinity',
      svcChain: 'KUBE-SVC-AFFINE',
      sepChain: 'KUBE-SEP-AFF2',
      seconds: 10800,
      ago: 100,
      left: 10700,
      affinitySeconds: 10800,
    });
  });

  it('session affinity with no record for the client yet: a statistic match decides, and the window is said', () => {
    const c = choose('10.96.0.55', 1);
    expect(c?.kind === 'statistic' || c?.kind === 'last').toBe(true);
    expect(c?.affinitySeconds).toBe(10800);
  });

  it('none, when no KUBE-SVC rule jumped to a KUBE-SEP chain (no Service matched)', () => {
    expect(choose('10.96.0.99', 1)).toBeNull();
  });
});

describe('the numbers as the narration writes them', () => {
  it.each([
    [1 / 2, '1/2'],
    [1 / 3, '1/3'],
    [0.5 * (1 - 1 / 3), '1/3'],
    [0.375, '37.5%'],
  ])('a share of %f reads %s', (share, text) => {
    expect(formatShare(share)).toBe(text);
  });

  it.each([
    [10799, '10799'],
    [0.0015, '0.002'],
  ])('%f seconds read %s', (s, text) => {
    expect(formatSeconds(s)).toBe(text);
  });
});
