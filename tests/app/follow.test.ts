import { describe, expect, it } from 'vitest';
import { followTransform, inView } from '../../app/topology/cluster/follow';
import { box } from '../../app/topology/cluster/geometry';

const view = { width: 800, height: 600 };
const canvas = { width: 6000, height: 4000 };

describe('followTransform', () => {
  it('leaves the view alone while the packet and its card are in sight', () => {
    expect(followTransform(box(300, 200, 150, 80), { x: 0, y: 0, k: 1 }, view, canvas)).toBeNull();
  });

  it('centres on them, at the scale the person chose, when they would be out of sight', () => {
    const t = followTransform(box(3000, 2000, 100, 50), { x: 0, y: 0, k: 0.5 }, view, canvas)!;
    expect(t.k).toBe(0.5);
    expect(t.x + 3050 * 0.5).toBeCloseTo(400);
    expect(t.y + 2025 * 0.5).toBeCloseTo(300);
    expect(inView(box(3000, 2000, 100, 50), t, view)).toBe(true);
  });

  it('follows a card that only half shows at the edge, not only a lost dot', () => {
    expect(followTransform(box(700, 200, 150, 80), { x: 0, y: 0, k: 1 }, view, canvas)).not.toBeNull();
  });

  it('never pans past the canvas: near its corner the corner stays in the corner', () => {
    const t = followTransform(box(5950, 3960, 20, 20), { x: 0, y: 0, k: 1 }, view, canvas)!;
    expect(t.x).toBe(800 - 6000 - 8);
    expect(t.y).toBe(600 - 4000 - 8);
  });
});

describe('followTransform on a canvas that fits the view', () => {
  const small = { width: 700, height: 500 };
  const fitted = { x: 50, y: 8, k: 1 };

  it('does not move a view that shows the whole canvas and the card whole, even near its edge', () => {
    expect(followTransform(box(300, 10, 140, 40), fitted, view, small)).toBeNull();
  });

  it('moves only along the axis where the packet is out of sight', () => {
    const t = followTransform(box(3000, 100, 100, 50), { x: 0, y: 0, k: 1 }, view, canvas)!;
    expect(t.y).toBe(0);
    expect(t.x).not.toBe(0);
  });
});
