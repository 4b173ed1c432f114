import { box, contains, overlaps, type Box, type Point } from './geometry';
import type { Obstacle } from './label-boxes';

export interface CardPlacement {
  readonly box: Box;
  /** Which candidate won (pass it back as `preferred` to keep the card where it was). */
  readonly candidate: number;
  /** The card sits away from the dot: draw a line from the dot to it. */
  readonly leader: boolean;
}

export interface PlaceCardOptions {
  /** The canvas: a card outside it could not be panned to. */
  readonly bounds: Box;
  /** Clearance from the dot's centre to the card. */
  readonly clearance: number;
  /** A candidate to keep when it is still free (the card then does not jump while the packet moves). */
  readonly preferred?: number;
}

/**
 * Where a card of w x h may sit around the dot, `d` from its centre, in order
 * of preference: right of it (level, above, below), left of it, then over and
 * under it; on each side also slid along, so a card can fit between two
 * labels that a centred one would touch.
 */
function around(x: number, y: number, w: number, h: number, d: number): Box[] {
  const sideTops = [y - d - h, y - h / 2, y + d, y - 10, y + 10 - h];
  const rowLefts = [x - w / 2, x - 10, x + 10 - w];
  return [
    ...sideTops.map((top) => box(x + d, top, w, h)),
    ...sideTops.map((top) => box(x - d - w, top, w, h)),
    ...rowLefts.map((left) => box(left, y - d - h, w, h)),
    ...rowLefts.map((left) => box(left, y + d, w, h)),
  ];
}
const PER_RING = 16;
/** How much further out each ring of candidates is: beside the dot first, then farther, with a leader line. */
const RINGS = [0, 24, 56, 100, 160, 240, 340];
/** Labels keep this much air between them. */
const AIR = 2;
/** Covering 100 px² of a device or pod costs as much as moving the card 1 px further out. */
const SHAPE_COST = 0.01;

/** Every candidate box, in order: ring by ring, each direction in turn. */
export function cardCandidates([x, y]: Point, w: number, h: number, clearance: number): Box[] {
  return RINGS.flatMap((ring) => around(x, y, w, h, clearance + ring));
}

const inflate = (b: Box, by: number) => box(b.x - by, b.y - by, b.w + 2 * by, b.h + 2 * by);

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** What a candidate costs: Infinity when it covers a label or leaves the canvas, else how far out it is and how much drawing it hides. */
function cost(candidate: Box, ring: number, order: number, obstacles: readonly Obstacle[], bounds: Box): number {
  if (!contains(bounds, candidate)) return Infinity;
  const padded = inflate(candidate, AIR);
  let hidden = 0;
  for (const o of obstacles) {
    if (!overlaps(padded, o.box)) continue;
    if (o.kind === 'text') return Infinity;
    hidden += overlapArea(candidate, o.box);
  }
  return ring + hidden * SHAPE_COST + order * 0.25;
}

/**
 * Where the packet's card goes: beside the dot, where it covers no label
 * (and as little of the drawing as it can), the nearest such place first;
 * farther out, with a leader line, when everything near is taken. Pure:
 * the same point and obstacles give the same place. Falls back to the first
 * candidate inside the canvas when nothing is free.
 */
export function placeCard(at: Point, w: number, h: number, obstacles: readonly Obstacle[], options: PlaceCardOptions): CardPlacement {
  const candidates = cardCandidates(at, w, h, options.clearance);
  const ringOf = (i: number) => RINGS[Math.floor(i / PER_RING)]!;
  const result = (i: number): CardPlacement => ({ box: candidates[i]!, candidate: i, leader: ringOf(i) > 0 });
  const { preferred } = options;
  if (preferred !== undefined && candidates[preferred] && cost(candidates[preferred], 0, 0, obstacles, options.bounds) < Infinity)
    return result(preferred);
  let best = -1;
  let bestCost = Infinity;
  candidates.forEach((c, i) => {
    const value = cost(c, ringOf(i), i % PER_RING, obstacles, options.bounds);
    if (value < bestCost) [best, bestCost] = [i, value];
  });
  if (best < 0)
    best = Math.max(
      0,
      candidates.findIndex((c) => contains(options.bounds, c)),
    );
  return result(best);
}
