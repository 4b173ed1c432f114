import { usePanelStrings } from '../panels/usePanelStrings';
import { SpeedControl } from './SpeedControl';
import { StepCounter } from './StepCounter';
import { Timeline } from './Timeline';
import { TransportButtons } from './TransportButtons';
import { useTimeline } from './useTimeline';
import './controls.css';

/** The playback bar under the topology: transport buttons, counter, speed and the timeline. */
export function Controls() {
  const t = usePanelStrings();
  const timeline = useTimeline();
  return (
    <div className="pw-controls" role="group" aria-label={t.controls} data-id="controls">
      <div className="pw-controls-row">
        <TransportButtons position={timeline.position} length={timeline.stops.length} />
        <StepCounter timeline={timeline} />
        <SpeedControl />
      </div>
      <Timeline timeline={timeline} />
    </div>
  );
}
