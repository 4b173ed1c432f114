import { usePanelStrings } from '../panels/usePanelStrings';
import { LegendFold } from './LegendFold';
import { SpeedControl } from './SpeedControl';
import { StepCounter } from './StepCounter';
import { Timeline } from './Timeline';
import { TransportButtons } from './TransportButtons';
import { useTimeline } from './useTimeline';
import './controls.css';

/**
 * The playback bar, one compact row where there is room: transport buttons,
 * counter, the timeline, speed, and the timeline's colour legend folded
 * behind a button (it wraps to two rows on a narrow window).
 */
export function Controls() {
  const t = usePanelStrings();
  const timeline = useTimeline();
  return (
    <div className="pw-controls" role="group" aria-label={t.controls} data-id="controls">
      <div className="pw-controls-row">
        <TransportButtons position={timeline.position} length={timeline.stops.length} />
        <StepCounter timeline={timeline} />
      </div>
      <Timeline timeline={timeline} />
      <div className="pw-controls-row pw-controls-end">
        <SpeedControl />
        <LegendFold stops={timeline.stops} />
      </div>
    </div>
  );
}
