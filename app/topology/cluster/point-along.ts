import { easeCubicInOut } from 'd3-ease';
import type { Point } from './geometry';

/**
 * The point `progress` (0..1) of the way along a polyline, measured by length
 * and eased in and out, so the packet starts and stops gently at each device
 * the way a hop feels, instead of sliding at constant speed.
 */
export function pointAlong(points: readonly Point[], progress: number): Point {
  const first = points[0];
  if (!first) return [0, 0];
  const lengths = points.slice(1).map((p, i) => Math.hypot(p[0] - points[i]![0], p[1] - points[i]![1]));
  const total = lengths.reduce((sum, l) => sum + l, 0);
  if (total === 0) return first;
  let left = easeCubicInOut(Math.min(1, Math.max(0, progress))) * total;
  for (let i = 0; i < lengths.length; i++) {
    const l = lengths[i]!;
    const [x0, y0] = points[i]!;
    const [x1, y1] = points[i + 1]!;
    if (left <= l && l > 0) return [x0 + ((x1 - x0) * left) / l, y0 + ((y1 - y0) * left) / l];
    left -= l;
  }
  return points[points.length - 1]!;
}
