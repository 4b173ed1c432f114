import type { Trace } from '../../src/index';
import { classicSteps } from '../topology/classic/classic-steps';

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
