import { centreOn, type Size } from './follow';
import type { Box } from './geometry';
import type { ViewTransform } from './pan-zoom';

// Nothing but plain arithmetic here and in follow.ts: the script that places the prerendered
// first frame before the page's code runs (app/prerender/first-frame-gate.ts) opens the view
// with these same functions, so the picture does not move when the page's code takes over.

/** Neither panned nor zoomed: the canvas drawn at its size from the frame's corner. */
export const NO_PAN_ZOOM: ViewTransform = { x: 0, y: 0, k: 1 };

/** The whole cluster is shown at most at this scale: a small cluster is not blown up much past its drawn size. */
const MAX_FIT = 1.25;
/** Below this scale the labels cannot be read: a large cluster opens on the packet instead of on the whole. */
export const READABLE = 0.5;
export const FOCUS_ZOOM = 0.9;
const PAD = 8;

/** The transform that shows the whole canvas, centred across and from the top down (the API server first, as one reads). */
export function fitTransform(canvas: Size, view: Size): ViewTransform {
  const k = Math.min(MAX_FIT, (view.width - 2 * PAD) / canvas.width, (view.height - 2 * PAD) / canvas.height);
  return { k, x: (view.width - canvas.width * k) / 2, y: PAD };
}

/** How the view opens: the whole cluster, or, when that is too small to read, the packet and its card (`focus`) at `focusZoom`. */
export function openingTransform(canvas: Size, view: Size, focus: Box | null, readable = READABLE, focusZoom = FOCUS_ZOOM): ViewTransform {
  const fit = fitTransform(canvas, view);
  if (fit.k >= readable || !focus) return fit;
  return centreOn([focus.x + focus.w / 2, focus.y + focus.h / 2], view, focusZoom, canvas);
}

/**
 * The transform as the cluster view's svg draws it: a CSS transform of the whole svg, drawn at the
 * canvas's size, in its frame. A CSS transform of an HTML box scales what is painted; the same change on
 * a group inside the svg (or its viewBox) makes the browser lay every text out again at the new
 * scale (12 ms of layout and 10 ms of paint a zoom on `large`, traced).
 */
export const transformStyle = (t: ViewTransform) => `translate(${t.x}px, ${t.y}px) scale(${t.k})`;

const TRANSFORM_STYLE = /^translate\(\s*(-?[\d.e+-]+)px,\s*(-?[\d.e+-]+)px\)\s*scale\(\s*([\d.e+-]+)\s*\)$/;

/** A `transformStyle` read back (as the browser keeps it in `element.style.transform`); null when it is not one. */
export function readTransformStyle(style: string): ViewTransform | null {
  const m = TRANSFORM_STYLE.exec(style.trim());
  if (!m) return null;
  const [x, y, k] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(k) ? { x, y, k } : null;
}
