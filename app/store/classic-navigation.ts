import type { Cursor, Trace } from '../../src/index';
import { classicSteps } from '../topology/classic/classic-steps';
import type { AppState } from './types';

const cache = new WeakMap<Trace, ReturnType<typeof classicSteps>>();

/** The article's nine pictures for a trace (memoised per trace), or null when the trace does not fit them. */
export function classicStepsOf(trace: Trace) {
  if (!cache.has(trace)) cache.set(trace, classicSteps(trace));
  return cache.get(trace) ?? null;
}

/** Which of the nine pictures a trace step belongs to: the last one at or before it (0 when before them all). */
export function classicPosition(trace: Trace, stepIndex: number): number {
  const steps = classicStepsOf(trace);
  if (!steps) return -1;
  let at = 0;
  steps.forEach((s, i) => {
    if (s.stepIndex <= stepIndex) at = i;
  });
  return at;
}

/** The pictures when the classic view is on screen and the trace fits them; null means "move by trace steps". */
const picturesOnScreen = (s: AppState) => (s.view === 'classic' ? classicStepsOf(s.trace) : null);

/**
 * The cursor `delta` pictures away in the classic view, where a "step" is one
 * of the article's nine pictures (Pod-to-Service 5 is followed by
 * Service-to-Pod 1): clamped to the first and last, or wrapped around as the
 * GIFs loop. Null when the classic view does not show the pictures.
 */
export function classicCursorBy(s: AppState, delta: number, wrap = false): Cursor | null {
  const pictures = picturesOnScreen(s);
  if (!pictures) return null;
  let i = classicPosition(s.trace, s.cursor.step) + delta;
  if (wrap) i = (i + pictures.length) % pictures.length;
  const at = Math.min(pictures.length - 1, Math.max(0, i));
  return { step: pictures[at]!.stepIndex, t: 0.5 };
}

/**
 * Playback in the classic view: the GIFs jump once a second with no tweening,
 * and loop forever. `t` is how far along the picture the clock has got; null
 * when the classic view does not show the pictures.
 */
export function classicAdvance(s: AppState, t: number): Cursor | null {
  if (!picturesOnScreen(s)) return null;
  return t >= 1 ? classicCursorBy(s, 1, true) : { step: s.cursor.step, t };
}

/** In the classic view play does not rewind from the end: the pictures loop like the GIFs instead. */
export const classicViewLoops = (s: AppState) => s.view === 'classic';

/** The picture a step snaps to when the classic view opens, or null when the trace does not fit the pictures. */
export function classicSnap(trace: Trace, step: number): Cursor | null {
  const pictures = classicStepsOf(trace);
  return pictures ? { step: pictures[classicPosition(trace, step)]!.stepIndex, t: 0.5 } : null;
}
