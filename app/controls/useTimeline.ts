import { useMemo } from 'react';
import { useAppStore } from '../store/StoreProvider';
import { selectClassicStep, selectClassicSteps, selectStepIndex, selectTrace, selectView } from '../store/selectors';
import type { ClassicStep } from '../topology/classic/classic-steps';
import { classicStops, traceStops, type TimelineStop } from './timeline-model';
import { usePanelStrings } from '../panels/usePanelStrings';

export interface TimelineState {
  readonly stops: readonly TimelineStop[];
  /** 0-based position of the current stop in `stops`. */
  readonly position: number;
  /** The article picture on screen in the classic view, else null. */
  readonly picture: ClassicStep | null;
  /** The pictures of the picture's figure, for "Pod to Service 3 / 5". */
  readonly figureSize: number;
}

/**
 * What the timeline and the counter walk through: every step of the trace, or
 * in the classic view the article's nine pictures (when the trace fits them).
 */
export function useTimeline(): TimelineState {
  const trace = useAppStore(selectTrace);
  const view = useAppStore(selectView);
  const stepIndex = useAppStore(selectStepIndex);
  const pictures = useAppStore(selectClassicSteps);
  const picture = useAppStore(selectClassicStep);
  const t = usePanelStrings();
  const classic = view === 'classic' && pictures !== null && picture !== null;
  const stops = useMemo(() => (classic ? classicStops(trace, pictures, t) : traceStops(trace)), [classic, trace, pictures, t]);
  if (classic) {
    return {
      stops,
      position: Math.max(0, pictures.indexOf(picture)),
      picture,
      figureSize: pictures.filter((p) => p.figure === picture.figure).length,
    };
  }
  return { stops, position: stepIndex, picture: null, figureSize: 0 };
}
