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
    expect(chiSquareUniform([1, 1]).critical).toBe(6.635);
    expect(chiSquareUniform([1, 1, 1]).critical).toBe(9.21);
  });
});
