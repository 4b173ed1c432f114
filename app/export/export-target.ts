import type { View } from '../store/types';
import { CANVAS } from '../topology/classic/geometry';
import { NO_PAN_ZOOM, readTransformStyle } from '../topology/cluster/fit-transform';
import type { ViewTransform } from '../topology/cluster/pan-zoom';

/** The drawing on screen that the export saves, and the size of the file. */
export interface ExportTarget {
  readonly view: 'classic' | 'cluster';
  readonly svg: SVGSVGElement;
  /** In CSS px: the article figure's own 1012x702, the cluster view's visible box. */
  readonly width: number;
  readonly height: number;
  /** The cluster view paints its background on its HTML frame: the file paints it in the svg. */
  readonly background?: string;
  /** The cluster view's pan and zoom (the GIF keeps it for every frame). */
  readonly panZoom?: ViewTransform;
  /** The part of the cluster view's canvas in sight, as the file's viewBox: the svg on screen is drawn at the canvas's size and moved by a CSS transform. */
  readonly viewBox?: string;
}

/**
 * The drawing of the view on screen, or null when there is none to save (the step list, or a
 * scenario the article figure does not fit). Read from the page: what is saved is what is seen.
 */
export function findExportTarget(view: View, root: ParentNode = document): ExportTarget | null {
  const area = root.querySelector('.view-area');
  if (!area) return null;
  if (view === 'classic') {
    const svg = area.querySelector<SVGSVGElement>('svg[data-id="classic-view"]');
    return svg ? { view, svg, width: CANVAS.w, height: CANVAS.h } : null;
  }
  if (view !== 'cluster') return null;
  const frame = area.querySelector<HTMLElement>('[data-id="cluster-view-frame"]');
  const svg = frame?.querySelector<SVGSVGElement>('svg[data-id="cluster-view"]');
  if (!frame || !svg) return null;
  const width = Math.max(1, Math.round(frame.clientWidth));
  const height = Math.max(1, Math.round(frame.clientHeight));
  const panZoom = readTransformStyle(svg.style.transform) ?? NO_PAN_ZOOM;
  return {
    view,
    svg,
    width,
    height,
    background: getComputedStyle(frame).backgroundColor,
    panZoom,
    viewBox: viewBoxInSight(panZoom, width, height),
  };
}

/** The canvas seen through a `width` x `height` frame under `t` (screen = canvas * k + (x, y)), as a viewBox. */
export function viewBoxInSight(t: ViewTransform, width: number, height: number): string {
  return `${-t.x / t.k} ${-t.y / t.k} ${width / t.k} ${height / t.k}`;
}
