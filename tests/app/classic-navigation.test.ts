import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../app/store/create-app-store';
import { STEP_MS } from '../../app/store/playback-slice';
import { selectClassicStep } from '../../app/store/selectors';

const pictureOf = (store: ReturnType<typeof createAppStore>) => {
  const p = selectClassicStep(store.getState());
  return p ? `${p.figure}:${p.n}` : null;
};

describe('classic-figure stepping', () => {
  it('jumps to the first and last of the nine pictures, not to the trace’s first and last steps', () => {
    const store = createAppStore({ view: 'classic', step: 10 });
    store.getState().last();
    expect(pictureOf(store)).toBe('service-to-pod:4');
    expect(store.getState().cursor.step).toBeLessThan(store.getState().trace.steps.length - 1);
    store.getState().first();
    expect(pictureOf(store)).toBe('pod-to-service:1');
  });

  it('plays on from the last picture back to the first, as the GIF loops, instead of rewinding first', () => {
    const store = createAppStore({ view: 'classic' });
    store.getState().last();
    store.getState().play();
    expect(pictureOf(store)).toBe('service-to-pod:4');
    // The picture is shown halfway along its second: half a second more and the GIF starts over.
    store.getState().advance(STEP_MS / 4);
    expect(pictureOf(store)).toBe('service-to-pod:4');
    store.getState().advance(STEP_MS / 4);
    expect(pictureOf(store)).toBe('pod-to-service:1');
    expect(store.getState().playing).toBe(true);
  });

  it('snaps a step between two pictures to the earlier one when the classic view opens', () => {
    const store = createAppStore({ step: 10 });
    store.getState().setView('classic');
    expect(pictureOf(store)).toBe('pod-to-service:5');
    expect(store.getState().cursor).toEqual({ step: 7, t: 0.5 });
  });

  it('steps and plays trace steps in the classic view when the trace does not fit the pictures', () => {
    const store = createAppStore({ preset: 'same-node', view: 'classic' });
    expect(pictureOf(store)).toBeNull();
    store.getState().stepForward();
    expect(store.getState().cursor.step).toBe(1);
    store.getState().play();
    store.getState().advance(STEP_MS * 1000);
    expect(store.getState().cursor.step).toBe(store.getState().trace.steps.length - 1);
    expect(store.getState().playing).toBe(false);
  });
});
