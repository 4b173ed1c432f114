import { useCallback } from 'react';
import { useAppStore } from '../store/StoreProvider';
import { selectSeek } from '../store/selectors';
import { usePanelStrings } from '../panels/usePanelStrings';
import { TimelineTicks } from './TimelineTicks';
import type { TimelineState } from './useTimeline';

/**
 * The scrubbable timeline: a range input for keyboards and screen readers
 * ("Step 4 of 45: dnat"), and above it one tick per stop coloured by kind,
 * so the NAT steps stand out; clicking a tick seeks to it.
 */
export function Timeline({ timeline }: { readonly timeline: TimelineState }) {
  const seek = useAppStore(selectSeek);
  const t = usePanelStrings();
  const { stops, position, picture, figureSize } = timeline;
  const current = stops[position];
  const valueText = !current
    ? ''
    : picture
      ? `${t.figures[picture.figure]} ${picture.n} / ${figureSize}: ${current.kind}`
      : t.timelineValue(position + 1, stops.length, current.kind);
  const seekTo = useCallback(
    (i: number) => {
      const stop = stops[i];
      if (stop) seek(stop.stepIndex);
    },
    [stops, seek],
  );
  return (
    <div className="pw-timeline">
      <TimelineTicks stops={stops} position={position} onSeek={seekTo} />
      <input
        type="range"
        className="pw-range"
        aria-label={t.timeline}
        aria-valuetext={valueText}
        min={1}
        max={Math.max(1, stops.length)}
        step={1}
        value={position + 1}
        onChange={(e) => seekTo(Number(e.currentTarget.value) - 1)}
        disabled={stops.length === 0}
      />
    </div>
  );
}
