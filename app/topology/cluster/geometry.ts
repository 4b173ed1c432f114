/** Canvas coordinates of the cluster drawing (px at zoom 1, y down). */
export type Point = readonly [x: number, y: number];

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export const box = (x: number, y: number, w: number, h: number): Box => ({ x, y, w, h });

export const centre = (b: Box): Point => [b.x + b.w / 2, b.y + b.h / 2];

/** True when `inner` lies entirely within `outer` (edges may touch). */
export function contains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

/** True when two boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export const shift = (b: Box, dx: number, dy: number): Box => ({ ...b, x: b.x + dx, y: b.y + dy });

/** An SVG `points` attribute for a polyline. */
export const toPoints = (points: readonly Point[]) => points.map(([x, y]) => `${x},${y}`).join(' ');
