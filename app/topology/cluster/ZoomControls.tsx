import { memo } from 'react';
import type { ClusterStrings } from '../../i18n/cluster-strings';

/**
 * "Fit to view": a frame's four corners around a small drawing, as map and
 * drawing tools show it. It puts the whole cluster back in view (not full
 * screen, which the old diagonal arrow suggested).
 */
function FitIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="cluster-zoom-icon">
      <path d="M1.5 5V1.5H5M11 1.5h3.5V5M14.5 11v3.5H11M5 14.5H1.5V11" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <rect x="5" y="5.5" width="6" height="5" rx="0.8" fill="currentColor" />
    </svg>
  );
}

/** Zoom buttons over the svg (drag pans, the wheel zooms); their names come from the strings, in both languages. Not redrawn as the view pans. */
export const ZoomControls = memo(function ZoomControls({
  strings,
  onIn,
  onOut,
  onReset,
}: {
  strings: ClusterStrings;
  onIn: () => void;
  onOut: () => void;
  onReset: () => void;
}) {
  return (
    <div role="group" aria-label={strings.zoomControls} className="cluster-zoom">
      <button type="button" aria-label={strings.zoomIn} title={strings.zoomIn} onClick={onIn}>
        +
      </button>
      <button type="button" aria-label={strings.zoomOut} title={strings.zoomOut} onClick={onOut}>
        −
      </button>
      <button type="button" aria-label={strings.resetZoom} title={strings.resetZoom} onClick={onReset} data-id="zoom-fit">
        <FitIcon />
      </button>
    </div>
  );
});
