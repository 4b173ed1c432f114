import { describe, expect, it } from 'vitest';
import { box, overlaps } from '../../app/topology/cluster/geometry';
import { pointAlong } from '../../app/topology/cluster/point-along';
import { dotBox, restingProgress, warpProgress } from '../../app/topology/cluster/resting-point';

const path = [
  [0, 0],
  [200, 0],
] as const;

describe('restingProgress', () => {
  it('rests halfway when no label is there', () => {
    expect(restingProgress(path, [], 12)).toBe(0.5);
  });

  it('moves off a label that sits halfway, to the nearest free point', () => {
    const label = { box: box(80, -7, 40, 14), kind: 'text' as const };
    const t = restingProgress(path, [label], 12);
    expect(t).not.toBe(0.5);
    expect(overlaps(dotBox(pointAlong(path, t), 12), label.box)).toBe(false);
  });

  it('ignores shapes: the packet may rest on a device', () => {
    expect(restingProgress(path, [{ box: box(0, -20, 200, 40), kind: 'shape' }], 12)).toBe(0.5);
  });
});

describe('warpProgress', () => {
  it.each([
    [0, 0],
    [0.5, 0.3],
    [1, 1],
  ])('maps %s to %s when the packet rests at 0.3', (p, expected) => {
    expect(warpProgress(p, 0.3)).toBeCloseTo(expected);
  });

  it('moves forward all the way, without a jump', () => {
    const ts = Array.from({ length: 101 }, (_, i) => warpProgress(i / 100, 0.7));
    ts.slice(1).forEach((t, i) => {
      expect(t).toBeGreaterThanOrEqual(ts[i]!);
      expect(t - ts[i]!).toBeLessThan(0.02);
    });
  });
});
