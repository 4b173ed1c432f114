import { describe, expect, it } from 'vitest';
import { computeProbability, formatFixedGo } from '../../../src/kube-proxy/probability';

describe('computeProbability (Go %0.10f of 1/n)', () => {
  it.each([
    [1, '1.0000000000'],
    [2, '0.5000000000'],
    [3, '0.3333333333'],
    [4, '0.2500000000'],
    [10, '0.1000000000'],
    [100, '0.0100000000'],
    [1000, '0.0010000000'],
    [10000, '0.0001000000'],
    [100000, '0.0000100000'],
    [100001, '0.0000099999'],
  ])('n=%i gives %s', (n, p) => {
    expect(computeProbability(n)).toBe(p);
  });

  it('rounds exact binary ties half-to-even like Go, where toFixed rounds up', () => {
    // 1/2048 = 0.00048828125 exactly.
    expect(formatFixedGo(1 / 2048, 10)).toBe('0.0004882812');
    expect(formatFixedGo(0.125, 2)).toBe('0.12');
    expect(formatFixedGo(0.375, 2)).toBe('0.38');
  });
});
