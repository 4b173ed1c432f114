import { describe, expect, it, vi } from 'vitest';
import { isControlPlaneStep, narrate, presetScenario, simulate, type Note } from '../../../src/index';

/** The engine as a program that has registered nothing finds it: a module graph of its own. */
async function unregistered() {
  vi.resetModules();
  return import('../../../src/index');
}

const NOT_LOADED = /cluster events' engine is not loaded: call registerClusterEvents\(clusterEventsBackend\)/;

describe("control-plane events' engine, registered on demand", () => {
  it('simulates and narrates a scenario without events with nothing registered: the article needs none of it', async () => {
    const engine = await unregistered();
    const article = engine.simulate(engine.presetScenario('article')!);
    expect(article).toEqual(simulate(presetScenario('article')!));
    expect(article.steps.map((s) => engine.narrate(s.note, 'en'))).toEqual(article.steps.map((s) => narrate(s.note, 'en')));
  });

  it('refuses, naming the fix, to check, simulate or narrate events before it is registered: never a step without its text', async () => {
    const engine = await unregistered();
    const churn = presetScenario('pod-churn')!;
    const note = simulate(churn).steps.find(isControlPlaneStep)!.note as Note;
    expect(() => engine.simulate(churn)).toThrow(NOT_LOADED);
    expect(() => engine.parseScenario(churn)).toThrow(NOT_LOADED);
    expect(() => engine.narrate(note, 'zh')).toThrow(NOT_LOADED);
  });

  it.each(['pod-churn', 'service-recreated', 'not-ready'])(
    '%s, once registered, gives the trace and the narration every program had before, in both languages',
    async (preset) => {
      const engine = await unregistered();
      engine.registerClusterEvents(engine.clusterEventsBackend);
      const scenario = engine.presetScenario(preset)!;
      const trace = engine.simulate(scenario);
      expect(trace).toEqual(simulate(presetScenario(preset)!));
      const controlPlane = trace.steps.filter(isControlPlaneStep);
      expect(controlPlane.length).toBeGreaterThan(0);
      for (const lang of ['en', 'zh'] as const) {
        const told = controlPlane.map((s) => engine.narrate(s.note, lang));
        expect(told).toEqual(controlPlane.map((s) => narrate(s.note, lang)));
        // Sentences, not the ids narrate falls back to for an unknown note.
        expect(told.filter((text, i) => text === controlPlane[i]!.note.id)).toEqual([]);
      }
    },
  );
});
