import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { FOCUS_ZOOM, fitTransform, NO_PAN_ZOOM, openingTransform, READABLE } from './fit-transform';
import { followTransform, type Size } from './follow';
import type { Box } from './geometry';
import { createPanZoom, type PanZoom, type ViewTransform } from './pan-zoom';

const MAX_ZOOM = 4;

/** When the whole cluster would be drawn smaller than `readable`, the view opens on the packet at `focusZoom` instead. */
export interface PanZoomOptions {
  readonly readable?: number;
  readonly focusZoom?: number;
}

/**
 * Pan and zoom for the view's frame: the transform lives in React state (React draws
 * it as the svg's CSS transform, `transformStyle`); d3-zoom, through the adapter, reports
 * gestures on the frame (not on its zoom buttons, `ignore`). The
 * view fits the canvas when the cluster changes (or, when that would be too
 * small to read, opens on the packet), refits on resize until the person has
 * zoomed or panned, and at a new step pans to the packet when it or its card
 * would be out of sight (`focus`: both at rest, in canvas coordinates).
 */
export function usePanZoom(
  frameRef: RefObject<HTMLElement | null>,
  canvas: Size,
  focus: Box | null,
  options: PanZoomOptions & { readonly ignore?: string } = {},
) {
  const readable = options.readable ?? READABLE;
  const focusZoom = options.focusZoom ?? FOCUS_ZOOM;
  const [transform, setTransform] = useState<ViewTransform>(NO_PAN_ZOOM);
  const panZoom = useRef<PanZoom | null>(null);
  const current = useRef(transform);
  const moved = useRef(false);
  const focusRef = useRef(focus);
  useLayoutEffect(() => {
    focusRef.current = focus;
  });

  // The view's size as the ResizeObserver last reported it: reading it from the layout at every step
  // would force a layout of the whole drawing (160 ms a step on the scale preset). The view is the
  // frame: the svg in it is drawn at the canvas's size (see ClusterView).
  const observedSize = useRef<Size | null>(null);
  const [observedView, setObservedView] = useState<Size | null>(null);
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const pz = createPanZoom(frame, {
      maxZoom: MAX_ZOOM,
      ignore: options.ignore,
      knownSize: () => measuredView(frame, observedSize.current),
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
  }, [frameRef, options.ignore]);

  const viewSize = useCallback((): Size => measuredView(frameRef.current, observedSize.current) ?? canvas, [frameRef, canvas]);

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
    const opening = openingTransform(canvas, viewSize(), focusRef.current, readable, focusZoom);
    const fit = current.current;
    if (opening.k !== fit.k || opening.x !== fit.x || opening.y !== fit.y) panZoom.current?.setTransform(opening);
  }, [reset, viewSize, canvas, readable, focusZoom]);

  useEffect(() => {
    open();
    const frame = frameRef.current;
    if (!frame || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const box = entry?.borderBoxSize?.[0];
      const size = box && box.inlineSize > 0 && box.blockSize > 0 ? { width: box.inlineSize, height: box.blockSize } : null;
      observedSize.current = size;
      setObservedView((was) => (was?.width === size?.width && was?.height === size?.height ? was : size));
      if (!moved.current) open();
    });
    observer.observe(frame);
    return () => observer.disconnect();
  }, [open, frameRef]);

  // Follow the packet: at a new step, when the packet at rest or its card would be out of sight, pan to them
  // (at the scale the person chose). Only a new step moves the view: a person's pan within a step stays.
  useEffect(() => {
    if (!focus) return;
    const next = followTransform(focus, current.current, viewSize(), canvas);
    if (next) panZoom.current?.setTransform(next);
  }, [focus, viewSize, canvas]);

  const zoomBy = useCallback((factor: number) => {
    moved.current = true;
    panZoom.current?.zoomBy(factor);
  }, []);

  const zoomIn = useCallback(() => zoomBy(1.4), [zoomBy]);
  const zoomOut = useCallback(() => zoomBy(1 / 1.4), [zoomBy]);
  // The view's size for drawing (the level of detail): as observed, else the canvas's (jsdom has no layout).
  return { transform, view: observedView ?? canvas, zoomIn, zoomOut, reset };
}

/**
 * The view's size: as the ResizeObserver last reported it, else the frame as laid out now;
 * null in jsdom and a hidden tab, which have no layout.
 */
function measuredView(frame: HTMLElement | null, observed: Size | null): Size | null {
  if (observed) return observed;
  const r = frame?.getBoundingClientRect();
  return r && r.width > 0 && r.height > 0 ? r : null;
}
