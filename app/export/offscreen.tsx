import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

/** A place to draw a frame the person does not see: in the document (so styles compute), out of sight and out of reach. */
export interface Offscreen {
  /** Renders `node` at once and returns the svg it drew. */
  render(node: ReactNode): SVGSVGElement;
  dispose(): void;
}

/**
 * A detached React root in a box of `width` x `height` far off the page's left edge: the
 * export draws each step there from the same components as the view, while the view keeps
 * showing the step the person chose. Inert and hidden from assistive technology.
 */
export function createOffscreen(width: number, height: number): Offscreen {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  host.dataset.id = 'export-offscreen';
  Object.assign(host.style, {
    position: 'fixed',
    left: '-100000px',
    top: '0',
    width: `${width}px`,
    height: `${height}px`,
    overflow: 'hidden',
    pointerEvents: 'none',
  });
  document.body.append(host);
  const root = createRoot(host);
  return {
    render(node) {
      flushSync(() => root.render(node));
      const svg = host.querySelector('svg');
      if (!svg) throw new Error('the frame drew no svg');
      return svg;
    },
    dispose() {
      root.unmount();
      host.remove();
    },
  };
}
