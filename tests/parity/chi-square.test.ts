import { describe, expect, it } from 'vitest';
import { chiSquareUniform } from './chi-square';

describe('chiSquareUniform', () => {
  it.each([
    [[150, 150], true],
    [[165, 135], true],
    [[270, 30], false],
    [[100, 100, 100], true],
    [[263, 14, 23], false],
  ])('%j over the endpoints passes the 99%% test: %s', (counts, pass) => {
    expect(chiSquareUniform(counts).pass).toBe(pass);
  });

  it('uses the critical value for n - 1 degrees of freedom', () => {
    // The textbook 99% points.
    expect(chiSquareUniform([1, 1]).critical).toBeCloseTo(6.635, 3);
    expect(chiSquareUniform([1, 1, 1]).critical).toBeCloseTo(9.21, 3);
    expect(chiSquareUniform([1, 1, 1, 1]).critical).toBeCloseTo(11.345, 3);
  });
});
