import type { Box, Point } from './geometry';
import type { ViewTransform } from './pan-zoom';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Room kept between what the view follows and the view's edges (the zoom buttons sit in the top right corner). */
export const FOLLOW_MARGIN = 48;
const PAD = 8;

/** Keeps a translation within [lo, hi], or centred when the canvas is smaller than the view. */
const clampTo = (t: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, t)));

/** The transform that puts a canvas point in the middle of the view at scale k, without showing past the canvas's edges. */
export function centreOn([x, y]: Point, view: Size, k: number, canvas: Size): ViewTransform {
  return {
    k,
    x: clampTo(view.width / 2 - x * k, view.width - canvas.width * k - PAD, PAD),
    y: clampTo(view.height / 2 - y * k, view.height - canvas.height * k - PAD, PAD),
  };
}

/** A box's span on one axis of the screen, under the transform. */
const span = (start: number, length: number, translate: number, k: number) =>
  [start * k + translate, (start + length) * k + translate] as const;

/**
 * Whether the view must move along one axis: when the box is not within the
 * margin, unless the whole canvas already fits across that axis and the box
 * shows whole (moving could not show more of it).
 */
function mustMove([lo, hi]: readonly [number, number], size: number, canvasSize: number, margin: number): boolean {
  if (lo >= margin && hi <= size - margin) return false;
  return !(canvasSize <= size - 2 * PAD && lo >= 0 && hi <= size);
}

/** True when a canvas box, under the transform, lies inside the view with the margin to spare. */
export function inView(b: Box, t: ViewTransform, view: Size, margin = FOLLOW_MARGIN): boolean {
  const [x0, x1] = span(b.x, b.w, t.x, t.k);
  const [y0, y1] = span(b.y, b.h, t.y, t.k);
  return x0 >= margin && y0 >= margin && x1 <= view.width - margin && y1 <= view.height - margin;
}

/**
 * Where the view goes at a new step so the packet and its card are seen:
 * nowhere (null) when they already are; else, along each axis where they are
 * not, centred on them at the same scale, as far as the canvas's edges allow.
 * The scale a person chose stays.
 */
export function followTransform(focus: Box, current: ViewTransform, view: Size, canvas: Size): ViewTransform | null {
  const { k } = current;
  const moveX = mustMove(span(focus.x, focus.w, current.x, k), view.width, canvas.width * k, FOLLOW_MARGIN);
  const moveY = mustMove(span(focus.y, focus.h, current.y, k), view.height, canvas.height * k, FOLLOW_MARGIN);
  if (!moveX && !moveY) return null;
  const centred = centreOn([focus.x + focus.w / 2, focus.y + focus.h / 2], view, k, canvas);
  return { k, x: moveX ? centred.x : current.x, y: moveY ? centred.y : current.y };
}
