import type { View } from '../store/types';
import { CANVAS } from '../topology/classic/geometry';
import { readTransformStyle, transformAttribute } from '../topology/cluster/fit-transform';

const IDENTITY = { x: 0, y: 0, k: 1 } as const;

/** The drawing on screen that the export saves, and the size of the file. */
export interface ExportTarget {
  readonly view: 'classic' | 'cluster';
  readonly svg: SVGSVGElement;
  /** In CSS px: the article figure's own 1012x702, the cluster view's visible box. */
  readonly width: number;
  readonly height: number;
  /** The cluster view paints its background on its HTML frame: the file paints it in the svg. */
  readonly background?: string;
  /** The cluster view's pan and zoom as an svg transform attribute (the GIF keeps it for every frame). */
  readonly transform?: string;
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
  return {
    view,
    svg,
    width: Math.max(1, Math.round(frame.clientWidth)),
    height: Math.max(1, Math.round(frame.clientHeight)),
    background: getComputedStyle(frame).backgroundColor,
    transform: transformAttribute(readTransformStyle(svg.style.transform) ?? IDENTITY),
  };
}
