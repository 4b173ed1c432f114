import { describe, expect, it } from 'vitest';
import { createPlayer, type PlayerClock } from '../../app/playback/player';
import { createAppStore } from '../../app/store/create-app-store';

function manualClock() {
  let now = 0;
  let pending: (() => void) | null = null;
  const clock: PlayerClock = {
    now: () => now,
    requestFrame: (cb) => ((pending = cb), 1),
    cancelFrame: () => void (pending = null),
  };
  return {
    clock,
    tick(ms: number) {
      now += ms;
      const cb = pending;
      pending = null;
      cb?.();
    },
    get running() {
      return pending !== null;
    },
  };
}

describe('the player (the animation clock outside React)', () => {
  it('advances the cursor by the time between frames, 16 ms at a time', () => {
    const store = createAppStore();
    const clock = manualClock();
    createPlayer(store, clock.clock);
    expect(clock.running).toBe(false);
    store.getState().play();
    expect(clock.running).toBe(true);
    for (let i = 0; i < 32; i++) clock.tick(16);
    // 512 ms at 1x from t = 0.5: one step on, a little past its start.
    expect(store.getState().cursor.step).toBe(1);
    expect(store.getState().cursor.t).toBeCloseTo(0.012, 5);
  });

  it('runs no frames while paused', () => {
    const store = createAppStore();
    const clock = manualClock();
    createPlayer(store, clock.clock);
    store.getState().play();
    clock.tick(16);
    store.getState().pause();
    expect(clock.running).toBe(false);
    const before = store.getState().cursor;
    clock.tick(1000);
    expect(store.getState().cursor).toEqual(before);
  });
});
