import { box, overlaps, type Box, type Point } from './geometry';
import type { Obstacle } from './label-boxes';
import { pointAlong } from './point-along';

/** A paused step shows the packet halfway along its path (the cursor's `t` is 0.5 at rest). */
export const REST = 0.5;

/** Where the packet may rest instead, nearest to halfway first. */
const TRIES = [0.5, 0.44, 0.56, 0.38, 0.62, 0.32, 0.68, 0.26, 0.74, 0.2, 0.8, 0.14, 0.86, 0.08, 0.92];

/** The dot's box at a point: radius 10 plus its 2 px stroke and a pixel of air. */
export const dotBox = ([x, y]: Point, radius: number): Box => box(x - radius, y - radius, 2 * radius, 2 * radius);

/**
 * How far along its path the packet rests: halfway, unless the dot would
 * sit on a label there (halfway from PREROUTING to FORWARD is the routing
 * decision's label), then the nearest point where it covers none.
 */
export function restingProgress(path: readonly Point[], obstacles: readonly Obstacle[], radius: number): number {
  const labels = obstacles.filter((o) => o.kind === 'text');
  for (const t of TRIES) {
    const dot = dotBox(pointAlong(path, t), radius);
    if (!labels.some((o) => overlaps(dot, o.box))) return t;
  }
  return REST;
}

/**
 * The cursor's progress mapped so that halfway lands on the resting point:
 * piecewise linear, so the packet still leaves at 0 and arrives at 1 and
 * moves without a jump.
 */
export function warpProgress(progress: number, rest: number): number {
  if (progress <= REST) return (progress / REST) * rest;
  return rest + ((progress - REST) / (1 - REST)) * (1 - rest);
}
