import { usePanelStrings } from '../panels/usePanelStrings';
import type { TimelineState } from './useTimeline';

/** "4 / 45" (1-based), or in the classic view "Pod to Service 3 / 5". */
export function StepCounter({ timeline }: { readonly timeline: TimelineState }) {
  const t = usePanelStrings();
  const { picture, figureSize, position, stops } = timeline;
  return (
    <p className="pw-counter" data-id="counter">
      {picture ? (
        <>
          <span className="pw-counter-figure">{t.figures[picture.figure]}</span>{' '}
          <span className="pw-counter-value">{`${picture.n} / ${figureSize}`}</span>
        </>
      ) : (
        <>
          <span className="pw-sr-only">{t.counterStep} </span>
          <span className="pw-counter-value">{`${position + 1} / ${stops.length}`}</span>
        </>
      )}
    </p>
  );
}
