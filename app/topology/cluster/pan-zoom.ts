import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent } from 'd3-zoom';

/** Canvas-to-screen transform: screen = canvas * k + (x, y). */
export interface ViewTransform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

export interface PanZoomOptions {
  /** Called on every change, with whether a person did it (wheel, drag, pinch) or the code. */
  readonly onTransform: (transform: ViewTransform, byUser: boolean) => void;
  readonly minZoom?: number;
  readonly maxZoom?: number;
  /** The view's size if the caller knows it (from a ResizeObserver): reading the box forces a layout. */
  readonly knownSize?: () => { readonly width: number; readonly height: number } | null;
  /** Events on elements inside this selector are left alone (the zoom buttons over the view). */
  readonly ignore?: string;
}

export interface PanZoom {
  setTransform(transform: ViewTransform): void;
  /** Zooms by a factor about the centre of the view. */
  zoomBy(factor: number): void;
  setScaleExtent(min: number, max: number): void;
  destroy(): void;
}

/**
 * The one place d3-zoom touches the DOM: it listens for wheel, drag and pinch
 * on the view's frame and reports the transform; React draws it. The extent
 * is read from the element's box (or `knownSize`).
 */
export function createPanZoom(view: HTMLElement, options: PanZoomOptions): PanZoom {
  const selection = select<HTMLElement, unknown>(view);
  const size = (): [[number, number], [number, number]] => {
    const r = options.knownSize?.() ?? view.getBoundingClientRect();
    return [
      [0, 0],
      [r.width || 1, r.height || 1],
    ];
  };
  const { ignore } = options;
  const behaviour = zoom<HTMLElement, unknown>()
    .extent(size)
    // d3-zoom's own filter (no secondary button, ctrl only with the wheel), and not on `ignore`.
    .filter(
      (event: MouseEvent) =>
        (!event.ctrlKey || event.type === 'wheel') && !event.button && !(ignore && (event.target as Element | null)?.closest?.(ignore)),
    )
    .scaleExtent([options.minZoom ?? 0.05, options.maxZoom ?? 4])
    .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
      const { x, y, k } = event.transform;
      options.onTransform({ x, y, k }, event.sourceEvent != null);
    });
  selection.call(behaviour);
  return {
    setTransform: ({ x, y, k }) => behaviour.transform(selection, zoomIdentity.translate(x, y).scale(k)),
    zoomBy: (factor) => behaviour.scaleBy(selection, factor),
    setScaleExtent: (min, max) => void behaviour.scaleExtent([min, max]),
    destroy: () => void selection.on('.zoom', null),
  };
}
