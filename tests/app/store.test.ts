import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../app/store/create-app-store';
import { STEP_MS } from '../../app/store/playback-slice';
import { selectClassicStep, selectCurrentStep } from '../../app/store/selectors';
import { PRESETS } from '../../src/index';

describe('the store', () => {
  it('opens on the article preset, first step, paused, with the packet halfway along it', () => {
    const s = createAppStore().getState();
    expect(s.presetName).toBe('article');
    expect(s.cursor).toEqual({ step: 0, t: 0.5 });
    expect(s.playing).toBe(false);
  });

  it('steps forward and back within the trace and clamps at both ends', () => {
    const store = createAppStore();
    store.getState().stepBack();
    expect(store.getState().cursor.step).toBe(0);
    store.getState().stepForward();
    expect(store.getState().cursor.step).toBe(1);
    store.getState().last();
    expect(store.getState().cursor.step).toBe(store.getState().trace.steps.length - 1);
    store.getState().stepForward();
    expect(store.getState().cursor.step).toBe(store.getState().trace.steps.length - 1);
    store.getState().first();
    expect(store.getState().cursor.step).toBe(0);
  });

  it('plays at the chosen speed and stops at the last step', () => {
    const store = createAppStore();
    store.getState().play();
    store.getState().advance(STEP_MS / 4);
    expect(store.getState().cursor).toEqual({ step: 0, t: 0.75 });
    store.getState().setSpeed(4);
    store.getState().advance(STEP_MS);
    expect(store.getState().cursor.step).toBe(4);
    store.getState().advance(STEP_MS * 1000);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().cursor.step).toBe(store.getState().trace.steps.length - 1);
  });

  it('keeps the speed between 0.25x and 4x', () => {
    const store = createAppStore();
    for (let i = 0; i < 10; i++) store.getState().faster();
    expect(store.getState().speed).toBe(4);
    for (let i = 0; i < 10; i++) store.getState().slower();
    expect(store.getState().speed).toBe(0.25);
  });

  it('walks the nine article pictures in the classic view, Pod-to-Service 5 then Service-to-Pod 1', () => {
    const store = createAppStore({ view: 'classic' });
    const seen: string[] = [];
    for (let i = 0; i < 10; i++) {
      const p = selectClassicStep(store.getState())!;
      seen.push(`${p.figure}:${p.n}`);
      store.getState().stepForward();
    }
    expect(seen).toEqual([
      'pod-to-service:1',
      'pod-to-service:2',
      'pod-to-service:3',
      'pod-to-service:4',
      'pod-to-service:5',
      'service-to-pod:1',
      'service-to-pod:2',
      'service-to-pod:3',
      'service-to-pod:4',
      'service-to-pod:4',
    ]);
    store.getState().seek(0);
    store.getState().setView('classic');
    expect(selectCurrentStep(store.getState())).toMatchObject({ stage: { figure: 'pod-to-service', n: 1 } });
  });

  it('plays the classic view one picture a second, looping like the GIF', () => {
    const store = createAppStore({ view: 'classic' });
    store.getState().play();
    for (let i = 0; i < 9; i++) store.getState().advance(STEP_MS);
    expect(selectClassicStep(store.getState())).toMatchObject({ figure: 'pod-to-service', n: 1 });
    expect(store.getState().playing).toBe(true);
  });

  it('loads another preset from the start, and refuses an unknown one', () => {
    const store = createAppStore({ step: 7 });
    expect(store.getState().loadPreset('hairpin')).toBe(true);
    expect(store.getState().cursor.step).toBe(0);
    expect(store.getState().trace.connections[0]!.client).toBe('pod4');
    expect(store.getState().loadPreset('<script>')).toBe(false);
    expect(store.getState().presetName).toBe('hairpin');
  });
});

describe('loadScenario (untrusted input)', () => {
  it('shows a valid scenario as a custom one', () => {
    const store = createAppStore();
    const result = store.getState().loadScenario({ ...PRESETS['same-node']!, name: 'mine' });
    expect(result.ok).toBe(true);
    expect(store.getState().presetName).toBeNull();
    expect(store.getState().trace.scenarioName).toBe('mine');
  });

  it('keeps the last good scenario when the input is invalid, and says what is wrong where', () => {
    const store = createAppStore({ preset: 'hairpin' });
    const result = store
      .getState()
      .loadScenario({ ...PRESETS.article!, cluster: { ...PRESETS.article!.cluster, pods: [{ name: 'x', node: 'nowhere' }] } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual({ path: 'cluster.pods[0].node', message: 'no node named "nowhere"' });
    expect(store.getState().presetName).toBe('hairpin');
  });
});
