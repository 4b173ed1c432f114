import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { createPanZoom, type PanZoom, type ViewTransform } from './pan-zoom';

const MAX_ZOOM = 4;
/** The whole cluster is shown at most at this scale: a small cluster is not blown up past its drawn size by much. */
const MAX_FIT = 1.25;
const FIT_PAD = 8;

/** The transform that shows the whole canvas, centred across and from the top down (the API server first, as one reads). */
export function fitTransform(canvas: { width: number; height: number }, view: { width: number; height: number }): ViewTransform {
  const k = Math.min(MAX_FIT, (view.width - 2 * FIT_PAD) / canvas.width, (view.height - 2 * FIT_PAD) / canvas.height);
  return { k, x: (view.width - canvas.width * k) / 2, y: FIT_PAD };
}

/**
 * Pan and zoom for the svg: the transform lives in React state (React renders
 * it on the viewport `<g>`); d3-zoom, through the adapter, reports it. The
 * view fits the canvas when the cluster changes, and on resize until the
 * person has zoomed or panned themselves.
 */
export function usePanZoom(svgRef: RefObject<SVGSVGElement | null>, canvas: { width: number; height: number }) {
  const [transform, setTransform] = useState<ViewTransform>({ x: 0, y: 0, k: 1 });
  const panZoom = useRef<PanZoom | null>(null);
  const moved = useRef(false);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const pz = createPanZoom(svg, {
      maxZoom: MAX_ZOOM,
      onTransform: (t, byUser) => {
        if (byUser) moved.current = true;
        setTransform(t);
      },
    });
    panZoom.current = pz;
    return () => {
      pz.destroy();
      panZoom.current = null;
    };
  }, [svgRef]);

  const fit = useCallback(() => {
    const svg = svgRef.current;
    const pz = panZoom.current;
    if (!svg || !pz) return;
    const r = svg.getBoundingClientRect();
    // jsdom (and a hidden tab) has no layout: draw at the canvas's own size.
    const view = r.width > 0 && r.height > 0 ? r : canvas;
    const t = fitTransform(canvas, view);
    pz.setScaleExtent(Math.min(0.05, t.k / 2), MAX_ZOOM);
    pz.setTransform(t);
    moved.current = false;
  }, [svgRef, canvas]);

  useEffect(() => {
    fit();
    const svg = svgRef.current;
    if (!svg || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (!moved.current) fit();
    });
    observer.observe(svg);
    return () => observer.disconnect();
  }, [fit, svgRef]);

  const zoomBy = useCallback((factor: number) => {
    moved.current = true;
    panZoom.current?.zoomBy(factor);
  }, []);

  return { transform, zoomIn: () => zoomBy(1.4), zoomOut: () => zoomBy(1 / 1.4), reset: fit };
}
