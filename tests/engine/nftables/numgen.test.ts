import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/net/rng';
import { evaluateNftHook, seededNumgen } from '../../../src/nftables';
import { env, packet, program } from './nft-fixtures';

const draws = (seed: number, mod: number, n: number): number[] => {
  const numgen = seededNumgen(createRng(seed));
  return Array.from({ length: n }, () => numgen(mod));
};

describe('seededNumgen', () => {
  it('gives the same choices for the same seed, and other choices for another seed', () => {
    expect(draws(7, 3, 50)).toEqual(draws(7, 3, 50));
    expect(draws(7, 3, 50)).not.toEqual(draws(8, 3, 50));
  });

  it('draws every value of [0, N) and nothing outside it', () => {
    const seen = draws(1, 3, 300);
    expect(new Set(seen)).toEqual(new Set([0, 1, 2]));
  });

  it('picks the endpoint of a numgen vmap the same way on every run of one seed', () => {
    const p = program(
      'add chain ip t nat { type nat hook prerouting priority -100 ; }',
      'add chain ip t a',
      'add chain ip t b',
      'add rule ip t nat numgen random mod 2 vmap { 0 : goto a , 1 : goto b }',
      'add rule ip t a meta l4proto tcp dnat to 10.180.0.1:80',
      'add rule ip t b meta l4proto tcp dnat to 10.180.0.2:80',
    );
    const run = (seed: number): string[] => {
      const numgen = seededNumgen(createRng(seed));
      return Array.from({ length: 20 }, () => evaluateNftHook(p, 'prerouting', packet(), env({ numgen })).packet.daddr);
    };
    expect(run(42)).toEqual(run(42));
    expect(new Set(run(42))).toEqual(new Set(['10.180.0.1', '10.180.0.2']));
  });
});
