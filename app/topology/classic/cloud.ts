import { CLOUD, type Box } from './geometry';

/**
 * mxGraph's cloud (mxCloud.redrawPath in jgraph/drawio, six cubic curves in
 * fractions of the box), which is what draw.io exported as "the network".
 */
const CURVES: readonly (readonly [number, number, number, number, number, number])[] = [
  [0.05, 0.25, 0, 0.5, 0.16, 0.55],
  [0, 0.66, 0.18, 0.9, 0.31, 0.8],
  [0.4, 1, 0.7, 1, 0.8, 0.8],
  [1, 0.8, 1, 0.6, 0.875, 0.5],
  [1, 0.3, 0.8, 0.1, 0.625, 0.2],
  [0.5, 0.05, 0.3, 0.05, 0.25, 0.25],
];

export function cloudPath(box: Box = CLOUD): string {
  const x = (f: number) => String(Math.round((box.x + f * box.w) * 100) / 100);
  const y = (f: number) => String(Math.round((box.y + f * box.h) * 100) / 100);
  const curves = CURVES.map(([a, b, c, d, e, f]) => `C${x(a)},${y(b)} ${x(c)},${y(d)} ${x(e)},${y(f)}`);
  return `M${x(0.25)},${y(0.25)} ${curves.join(' ')} Z`;
}
