import type { CSSProperties } from 'react';
import type { ClusterStrings } from '../../i18n/cluster-strings';

const bar: CSSProperties = { position: 'absolute', top: 8, right: 8, display: 'flex', gap: 4 };
const button: CSSProperties = {
  width: 30,
  height: 30,
  border: '1px solid #b8bec4',
  borderRadius: 4,
  background: '#ffffff',
  color: '#1f2933',
  font: '16px/1 system-ui, sans-serif',
  cursor: 'pointer',
};

/** Zoom buttons over the svg (drag pans, the wheel zooms); their names come from the strings, in both languages. */
export function ZoomControls({ strings, onIn, onOut, onReset }: { strings: ClusterStrings; onIn: () => void; onOut: () => void; onReset: () => void }) {
  return (
    <div role="group" aria-label={strings.zoomControls} style={bar}>
      <button type="button" style={button} aria-label={strings.zoomIn} title={strings.zoomIn} onClick={onIn}>
        +
      </button>
      <button type="button" style={button} aria-label={strings.zoomOut} title={strings.zoomOut} onClick={onOut}>
        −
      </button>
      <button type="button" style={button} aria-label={strings.resetZoom} title={strings.resetZoom} onClick={onReset}>
        ⤢
      </button>
    </div>
  );
}
