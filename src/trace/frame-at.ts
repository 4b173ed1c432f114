import { isPacketStep } from './is-packet-step';
import type { Cursor, Frame, Trace } from './types';

/**
 * What is on screen at a cursor: the step (clamped into the trace), the edge
 * the packet travels along and how far along it is. Pure; the app calls it on
 * every animation frame. Returns null for an empty trace.
 *
 * @example frameAt(trace, { step: 3, t: 0.5 })?.progress // 0.5
 */
export function frameAt(trace: Trace, cursor: Cursor): Frame | null {
  const count = trace.steps.length;
  if (count === 0) return null;
  const stepIndex = Math.min(count - 1, Math.max(0, Math.floor(Number.isFinite(cursor.step) ? cursor.step : 0)));
  const step = trace.steps[stepIndex]!;
  const progress = Number.isFinite(cursor.t) ? Math.min(Math.max(cursor.t, 0), 0.999999) : 0;
  return { step, stepIndex, from: step.at, to: step.to, progress, packet: isPacketStep(step) ? step.after : null };
}
