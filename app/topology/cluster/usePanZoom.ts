import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Point } from './geometry';
import { createPanZoom, type PanZoom, type ViewTransform } from './pan-zoom';

const MAX_ZOOM = 4;
/** The whole cluster is shown at most at this scale: a small cluster is not blown up much past its drawn size. */
const MAX_FIT = 1.25;
/** Below this scale the labels cannot be read: a large cluster opens on the packet instead of on the whole. */
const READABLE = 0.5;
const FOCUS_ZOOM = 0.9;
const PAD = 8;

interface Size {
  readonly width: number;
  readonly height: number;
}

/** The transform that shows the whole canvas, centred across and from the top down (the API server first, as one reads). */
export function fitTransform(canvas: Size, view: Size): ViewTransform {
  const k = Math.min(MAX_FIT, (view.width - 2 * PAD) / canvas.width, (view.height - 2 * PAD) / canvas.height);
  return { k, x: (view.width - canvas.width * k) / 2, y: PAD };
}

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

/** When the whole cluster would be drawn smaller than `readable`, the view opens on the packet at `focusZoom` instead. */
export interface PanZoomOptions {
  readonly readable?: number;
  readonly focusZoom?: number;
}

/**
 * Pan and zoom for the svg: the transform lives in React state (React renders
 * it on the viewport `<g>`); d3-zoom, through the adapter, reports it. The
 * view fits the canvas when the cluster changes (or, when that would be too
 * small to read, opens on the packet), refits on resize until the person has
 * zoomed or panned, and pans to follow the packet when a step starts off screen.
 */
export function usePanZoom(svgRef: RefObject<SVGSVGElement | null>, canvas: Size, focus: Point | null, options: PanZoomOptions = {}) {
  const readable = options.readable ?? READABLE;
  const focusZoom = options.focusZoom ?? FOCUS_ZOOM;
  const [transform, setTransform] = useState<ViewTransform>({ x: 0, y: 0, k: 1 });
  const panZoom = useRef<PanZoom | null>(null);
  const current = useRef(transform);
  const moved = useRef(false);
  const focusRef = useRef(focus);
  useLayoutEffect(() => {
    focusRef.current = focus;
  });

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const pz = createPanZoom(svg, {
      maxZoom: MAX_ZOOM,
      onTransform: (t, byUser) => {
        if (byUser) moved.current = true;
        current.current = t;
        setTransform(t);
      },
    });
    panZoom.current = pz;
    return () => {
      pz.destroy();
      panZoom.current = null;
    };
  }, [svgRef]);

  const viewSize = useCallback((): Size => {
    const r = svgRef.current?.getBoundingClientRect();
    // jsdom (and a hidden tab) has no layout: draw at the canvas's own size.
    return r && r.width > 0 && r.height > 0 ? r : canvas;
  }, [svgRef, canvas]);

  /** Shows the whole cluster. */
  const reset = useCallback(() => {
    const pz = panZoom.current;
    if (!pz) return;
    const t = fitTransform(canvas, viewSize());
    pz.setScaleExtent(Math.min(0.05, t.k / 2), MAX_ZOOM);
    pz.setTransform(t);
    moved.current = false;
  }, [canvas, viewSize]);

  const open = useCallback(() => {
    reset();
    const view = viewSize();
    if (current.current.k < readable && focusRef.current) panZoom.current?.setTransform(centreOn(focusRef.current, view, focusZoom, canvas));
  }, [reset, viewSize, canvas, readable, focusZoom]);

  useEffect(() => {
    open();
    const svg = svgRef.current;
    if (!svg || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (!moved.current) open();
    });
    observer.observe(svg);
    return () => observer.disconnect();
  }, [open, svgRef]);

  // Follow the packet: when a step starts outside the view, pan (at the same scale) to put it in the middle.
  useEffect(() => {
    if (!focus) return;
    const view = viewSize();
    const { x, y, k } = current.current;
    const [sx, sy] = [focus[0] * k + x, focus[1] * k + y];
    const margin = 40;
    if (sx < margin || sy < margin || sx > view.width - margin || sy > view.height - margin) panZoom.current?.setTransform(centreOn(focus, view, k, canvas));
  }, [focus, viewSize, canvas]);

  const zoomBy = useCallback((factor: number) => {
    moved.current = true;
    panZoom.current?.zoomBy(factor);
  }, []);

  return { transform, zoomIn: () => zoomBy(1.4), zoomOut: () => zoomBy(1 / 1.4), reset };
}
