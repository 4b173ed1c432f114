import type { AppStore } from '../store/create-app-store';

/** The clock the player reads: injectable, so tests step it 16 ms at a time. */
export interface PlayerClock {
  now(): number;
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
}

export const browserClock: PlayerClock = {
  now: () => performance.now(),
  requestFrame: (cb) => requestAnimationFrame(() => cb()),
  cancelFrame: (h) => cancelAnimationFrame(h),
};

/**
 * The animation clock, outside React: while the store says `playing`, each
 * animation frame advances the cursor by the time since the last one. It runs
 * no frames while paused. Returns a function that stops it.
 */
export function createPlayer(store: AppStore, clock: PlayerClock = browserClock): () => void {
  let handle: number | null = null;
  let last = 0;
  const frame = () => {
    const now = clock.now();
    const elapsed = Math.min(now - last, 250); // a background tab must not skip the whole trace
    last = now;
    store.getState().advance(elapsed);
    handle = store.getState().playing ? clock.requestFrame(frame) : null;
  };
  const sync = (playing: boolean) => {
    if (playing && handle === null) {
      last = clock.now();
      handle = clock.requestFrame(frame);
    } else if (!playing && handle !== null) {
      clock.cancelFrame(handle);
      handle = null;
    }
  };
  sync(store.getState().playing);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing !== prev.playing) sync(s.playing);
  });
  return () => {
    unsubscribe();
    sync(false);
  };
}
