import type { Figure } from '../../../src/index';
import { ARROW_START, type Point } from './geometry';

/**
 * The arrow's visible tip at the card's fold corner; the two GIFs differ by
 * 3 px (seed-gifs.md, corrections).
 */
export const ARROW_TIP: Readonly<Record<Figure, Point>> = {
  'pod-to-service': { x: 162, y: 531.5 },
  'service-to-pod': { x: 162, y: 534.5 },
};

/** draw.io's "classic" end arrow at 2x: (size 6 + stroke 1) x 2 long, half as wide each side. */
const HEAD_LENGTH = 14;
const HEAD_HALF_WIDTH = 7;
const STROKE = 2;

export interface ArrowPaths {
  /** The shaft, from iptables to the head's notch. */
  readonly line: string;
  /** The filled head: tip, one barb, the notch at 3/4 of its length, the other barb. */
  readonly head: string;
}

const fmt = (v: number) => String(Math.round(v * 1000) / 1000);

/**
 * mxMarker's classic arrow: it pulls the head's point back by stroke x 1.118
 * (half the stroke over sin(atan(1/2))), so that the mitred corner of the
 * stroked head, not its path, lands on the terminal point.
 */
export function arrowPaths(figure: Figure, start: Point = ARROW_START): ArrowPaths {
  const end = ARROW_TIP[figure];
  const len = Math.hypot(end.x - start.x, end.y - start.y);
  const ux = (end.x - start.x) / len;
  const uy = (end.y - start.y) / len;
  const tip = { x: end.x - ux * STROKE * 1.118, y: end.y - uy * STROKE * 1.118 };
  const back = (d: number) => ({ x: tip.x - ux * d, y: tip.y - uy * d });
  const base = back(HEAD_LENGTH);
  const notch = back((HEAD_LENGTH * 3) / 4);
  const px = -uy * HEAD_HALF_WIDTH;
  const py = ux * HEAD_HALF_WIDTH;
  const p = (q: Point) => `${fmt(q.x)},${fmt(q.y)}`;
  return {
    line: `M${p(start)} L${p(notch)}`,
    head: `M${p(tip)} L${p({ x: base.x + px, y: base.y + py })} L${p(notch)} L${p({ x: base.x - px, y: base.y - py })} Z`,
  };
}
