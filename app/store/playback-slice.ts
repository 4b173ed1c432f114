import { classicPosition, classicStepsOf } from './classic-navigation';
import { SPEEDS, type AppState, type GetState, type PlaybackSlice, type SetState } from './types';

/** Wall-clock milliseconds one step takes at 1x: the article's GIFs show one step a second. */
export const STEP_MS = 1000;

const lastIndex = (s: AppState) => Math.max(0, s.trace.steps.length - 1);
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * Moves the cursor by whole steps. In the classic view a "step" is one of the
 * article's nine pictures (Pod-to-Service 5 is followed by Service-to-Pod 1);
 * elsewhere it is one step of the trace.
 */
function moveBy(s: AppState, delta: number, wrap = false) {
  const pictures = s.view === 'classic' ? classicStepsOf(s.trace) : null;
  if (pictures) {
    let i = classicPosition(s.trace, s.cursor.step) + delta;
    if (wrap) i = (i + pictures.length) % pictures.length;
    s.cursor = { step: pictures[clamp(i, 0, pictures.length - 1)]!.stepIndex, t: 0.5 };
    return;
  }
  s.cursor = { step: clamp(s.cursor.step + delta, 0, lastIndex(s)), t: 0.5 };
}

export function createPlaybackSlice(set: SetState, get: GetState): PlaybackSlice {
  return {
    cursor: { step: 0, t: 0.5 },
    playing: false,
    speed: 1,
    play: () =>
      set((s) => {
        if (s.view !== 'classic' && s.cursor.step >= lastIndex(s)) s.cursor = { step: 0, t: 0 };
        s.playing = true;
      }),
    pause: () => set((s) => void (s.playing = false)),
    togglePlay: () => (get().playing ? get().pause() : get().play()),
    seek: (step) =>
      set((s) => {
        s.cursor = { step: clamp(Math.round(step), 0, lastIndex(s)), t: 0.5 };
        s.playing = false;
      }),
    stepForward: () => set((s) => void ((s.playing = false), moveBy(s, 1))),
    stepBack: () => set((s) => void ((s.playing = false), moveBy(s, -1))),
    first: () => set((s) => void ((s.playing = false), moveBy(s, -Infinity))),
    last: () => set((s) => void ((s.playing = false), moveBy(s, Infinity))),
    setSpeed: (speed) => set((s) => void (s.speed = clamp(speed, SPEEDS[0], SPEEDS[SPEEDS.length - 1]!))),
    faster: () => set((s) => void (s.speed = SPEEDS.find((v) => v > s.speed) ?? s.speed)),
    slower: () => set((s) => void (s.speed = [...SPEEDS].reverse().find((v) => v < s.speed) ?? s.speed)),
    advance: (ms) =>
      set((s) => {
        if (!s.playing || ms <= 0) return;
        let t = s.cursor.t + (ms * s.speed) / STEP_MS;
        if (s.view === 'classic' && classicStepsOf(s.trace)) {
          // The GIFs jump once a second with no tweening, and loop forever.
          if (t >= 1) moveBy(s, 1, true);
          else s.cursor = { step: s.cursor.step, t };
          return;
        }
        let step = s.cursor.step;
        while (t >= 1 && step < lastIndex(s)) {
          t -= 1;
          step += 1;
        }
        if (t >= 1) {
          s.cursor = { step, t: 0.999 };
          s.playing = false;
          return;
        }
        s.cursor = { step, t };
      }),
  };
}
