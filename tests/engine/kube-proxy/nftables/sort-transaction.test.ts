import { describe, expect, it } from 'vitest';
import { sortNftTransaction } from '../../../../src/kube-proxy/nftables';
import { corpus, corpusCase } from './nftables-corpus';

describe("sortNftTransaction (the tests' sortNFTablesTransaction)", () => {
  it.each(corpus.auxiliary.sortNormalizationCases.map((c) => [c.name, c] as const))('reproduces %s', (_name, c) => {
    expect(sortNftTransaction(c.input)).toBe(c.output);
  });

  it("turns TestOverallNFTablesRules' expected text, as the test writes it, into its stored sorted form", () => {
    const c = corpusCase('TestOverallNFTablesRules');
    expect(sortNftTransaction(c.expected?.nftDump ?? '')).toBe(c.expected?.nftDumpSorted);
  });

  it('orders table, chains, rules, sets, maps, elements; by name; rules keep their order, other lines sort as text', () => {
    const input = [
      'add element ip t s { 2 }',
      '# a comment',
      'add rule ip t b z',
      'add map ip t m { type x : verdict ; }',
      '',
      'add rule ip t a y',
      'add rule ip t b a',
      'add element ip t s { 1 }',
      'add chain ip t b',
      'add set ip t s { type x ; }',
      'add table ip t { comment "c" ; }',
      'add chain ip t a',
    ].join('\n');
    expect(sortNftTransaction(input).split('\n')).toEqual([
      'add table ip t { comment "c" ; }',
      'add chain ip t a',
      'add chain ip t b',
      'add rule ip t a y',
      'add rule ip t b z',
      'add rule ip t b a',
      'add set ip t s { type x ; }',
      'add map ip t m { type x : verdict ; }',
      'add element ip t s { 1 }',
      'add element ip t s { 2 }',
    ]);
  });
});
