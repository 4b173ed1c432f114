import { useMemo, useRef } from 'react';
import { selectCurrentStep } from '../store/selectors';
import { useAppStore } from '../store/StoreProvider';
import { selectClusterLayout, selectClusterStrings, selectPresent } from '../store/selectors';
import { transformStyle } from './cluster/fit-transform';
import { FONT } from './cluster/palette';
import { PacketLayer } from './cluster/PacketLayer';
import { restingBox, sceneOf } from './cluster/packet-scene';
import { StaticLayer } from './cluster/StaticLayer';
import { useLevelOfDetail } from './cluster/useLevelOfDetail';
import { usePanZoom } from './cluster/usePanZoom';
import { ZoomControls } from './cluster/ZoomControls';
import './cluster/cluster-view.css';

/** Gestures on the zoom buttons are theirs, not the view's. */
const VIEW_OPTIONS = { ignore: '.cluster-zoom' } as const;
const PRESENTER_OPTIONS = { ...VIEW_OPTIONS, readable: 1.65, focusZoom: 1.65 } as const;

/**
 * The whole cluster the trace runs in (nodes, their root netns with netfilter
 * hooks, pods, the Service's virtual address, kube-proxy and the API server)
 * with the packet moving along its path. Reads the store; fills its container;
 * pans and zooms, and follows the packet and its card from step to step. Re-renders itself
 * on zoom and on a new step; the static layer re-renders on a new step, and
 * only the packet layer on every animation frame.
 */
export function ClusterView() {
  const layout = useAppStore(selectClusterLayout);
  const strings = useAppStore(selectClusterStrings);
  const step = useAppStore(selectCurrentStep);
  const frameRef = useRef<HTMLDivElement>(null);
  // The packet at rest and its card, as the packet layer draws them: the view keeps them in sight.
  const focus = useMemo(() => {
    const scene = step ? sceneOf(layout, strings, step) : null;
    return scene ? restingBox(scene) : null;
  }, [layout, strings, step]);
  // Presenter mode: labels (11 to 13 units) at 18 px or more, read from the back of a room; the view follows the packet.
  const present = useAppStore(selectPresent);
  const { transform: t, view, zoomIn, zoomOut, reset } = usePanZoom(frameRef, layout, focus, present ? PRESENTER_OPTIONS : VIEW_OPTIONS);
  const detail = useLevelOfDetail(layout, t, view);
  return (
    <div ref={frameRef} data-id="cluster-view-frame" className="cluster-view-frame">
      {/* Drawn at the canvas's size and moved by a CSS transform (see transformStyle). The prerendered
          page's script fits it to the window before the first paint (first-frame-gate.ts). */}
      <svg
        data-id="cluster-view"
        role="img"
        aria-label={strings.viewLabel}
        className="cluster-view-svg"
        fontFamily={FONT}
        width={layout.width}
        height={layout.height}
        style={{ transform: transformStyle(t) }}
        suppressHydrationWarning
      >
        <g data-id="viewport">
          <StaticLayer detail={detail} />
          <PacketLayer />
        </g>
      </svg>
      <ZoomControls strings={strings} onIn={zoomIn} onOut={zoomOut} onReset={reset} />
    </div>
  );
}
