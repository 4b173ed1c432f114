import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sortIptablesRules } from '../../../src/kube-proxy/sort-rules';

const corpus = JSON.parse(readFileSync(new URL('../../fidelity/kube-proxy-cases.json', import.meta.url), 'utf8')) as {
  auxiliary: { sortNormalizationCases: { name: string; input: string; output: string }[] };
};

describe('sortIptablesRules', () => {
  it.each(corpus.auxiliary.sortNormalizationCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(sortIptablesRules(c.input)).toBe(c.output);
  });

  it('keeps the "must be the last rule" rule last and prints -X lines after the rules', () => {
    const input = [
      '*nat',
      ':KUBE-SERVICES - [0:0]',
      ':KUBE-SVC-B - [0:0]',
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -j KUBE-NODEPORTS',
      '-A KUBE-SERVICES -m comment --comment "b/b:p cluster IP" -j KUBE-SVC-B',
      '-A KUBE-SERVICES -m comment --comment "a/a:p cluster IP" -j KUBE-SVC-A',
      '-X KUBE-SVC-B',
      'COMMIT',
      '',
    ].join('\n');
    expect(sortIptablesRules(input).split('\n').slice(3)).toEqual([
      '-A KUBE-SERVICES -m comment --comment "a/a:p cluster IP" -j KUBE-SVC-A',
      '-A KUBE-SERVICES -m comment --comment "b/b:p cluster IP" -j KUBE-SVC-B',
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -j KUBE-NODEPORTS',
      '-X KUBE-SVC-B',
      'COMMIT',
      '',
    ]);
  });
});
