import { classicAdvance, classicCursorBy, classicViewLoops } from './classic-navigation';
import { holdForQuiz } from './quiz-slice';
import { SPEEDS, type AppState, type PlaybackSlice, type SliceCreator } from './types';

/** Wall-clock milliseconds one step takes at 1x: the article's GIFs show one step a second. */
export const STEP_MS = 1000;

const lastIndex = (s: AppState) => Math.max(0, s.trace.steps.length - 1);
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** Moves the cursor by whole steps: pictures in the classic view (see classic-navigation.ts), trace steps elsewhere. */
function moveBy(s: AppState, delta: number) {
  s.cursor = classicCursorBy(s, delta) ?? { step: clamp(s.cursor.step + delta, 0, lastIndex(s)), t: 0.5 };
  holdForQuiz(s);
}

/** Moves the packet on by `ms` of wall-clock time along the trace, pausing at the end of its last step. */
function advanceBy(s: AppState, ms: number) {
  let t = s.cursor.t + (ms * s.speed) / STEP_MS;
  const classic = classicAdvance(s, t);
  if (classic) {
    s.cursor = classic;
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
  } else s.cursor = { step, t };
  holdForQuiz(s);
}

export const createPlaybackSlice: SliceCreator<PlaybackSlice> = (set, get) => ({
  cursor: { step: 0, t: 0.5 },
  playing: false,
  speed: 1,
  play: () =>
    set((s) => {
      if (!classicViewLoops(s) && s.cursor.step >= lastIndex(s)) s.cursor = { step: 0, t: 0 };
      s.playing = true;
    }),
  pause: () => set((s) => void (s.playing = false)),
  togglePlay: () => (get().playing ? get().pause() : get().play()),
  seek: (step) =>
    set((s) => {
      s.cursor = { step: clamp(Math.round(step), 0, lastIndex(s)), t: 0.5 };
      s.playing = false;
      holdForQuiz(s);
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
      if (s.playing && ms > 0) advanceBy(s, ms);
    }),
});
