import { memo, useMemo } from 'react';
import { tickCategory, type TimelineStop } from './timeline-model';
import './step-kinds.css';

export interface TimelineTicksProps {
  readonly stops: readonly TimelineStop[];
  readonly position: number;
  readonly onSeek: (position: number) => void;
}

interface Run {
  readonly group: string;
  readonly items: { readonly stop: TimelineStop; readonly i: number }[];
}

/** Consecutive stops of the same group (one packet, or one article figure). */
function runsOf(stops: readonly TimelineStop[]): Run[] {
  const runs: Run[] = [];
  stops.forEach((stop, i) => {
    const last = runs[runs.length - 1];
    if (last && last.group === stop.group) last.items.push({ stop, i });
    else runs.push({ group: stop.group, items: [{ stop, i }] });
  });
  return runs;
}

/**
 * One tick per stop, in runs per packet (or per article figure), drawn as its
 * kind's mark (a colour and a shape, step-kinds.css). A pointer shortcut only: the range input carries the same
 * positions for keyboards and screen readers, so the ticks stay out of the tab
 * order and the accessibility tree. A step re-renders only the runs that hold the
 * old and the new position (a big trace has hundreds of ticks); `onSeek` should be stable.
 */
export function TimelineTicks({ stops, position, onSeek }: TimelineTicksProps) {
  const runs = useMemo(() => runsOf(stops), [stops]);
  return (
    <div className="pw-ticks" data-id="timeline-ticks" aria-hidden="true">
      {runs.map((run) => {
        const first = run.items[0]!.i;
        const inRun = position >= first && position < first + run.items.length;
        return <TickRun key={first} run={run} position={inRun ? position : -1} onSeek={onSeek} />;
      })}
    </div>
  );
}

/** One run of ticks; `position` is -1 when the current stop is in another run. */
const TickRun = memo(function TickRun({
  run,
  position,
  onSeek,
}: {
  readonly run: Run;
  readonly position: number;
  readonly onSeek: (position: number) => void;
}) {
  return (
    <div className="pw-tick-run" style={{ flexGrow: run.items.length }}>
      <span className="pw-tick-group">{run.items[0]!.stop.groupLabel}</span>
      <div className="pw-tick-row">
        {run.items.map(({ stop, i }) => (
          <button
            key={i}
            type="button"
            tabIndex={-1}
            className="pw-tick"
            data-step={stop.stepIndex}
            data-kind={stop.kind}
            data-category={tickCategory(stop.kind)}
            data-current={i === position || undefined}
            title={stop.title}
            aria-label={stop.title}
            onClick={() => onSeek(i)}
          >
            {stop.badge}
          </button>
        ))}
      </div>
    </div>
  );
});
