import { presetScenario, simulate } from '../../src/index';
import type { GetState, ScenarioSlice, SetState } from './types';

/**
 * The scenario and its trace. The trace is the engine's output for the
 * scenario: computed once when the scenario changes, never by a view.
 */
export function createScenarioSlice(set: SetState, _get: GetState, initialPreset: string, seed?: number): ScenarioSlice {
  const scenario = presetScenario(initialPreset) ?? presetScenario('article')!;
  return {
    presetName: presetScenario(initialPreset) ? initialPreset : 'article',
    scenario,
    trace: simulate(scenario, seed === undefined ? {} : { seed }),
    loadPreset: (name, nextSeed) => {
      const next = presetScenario(name);
      if (!next) return false;
      const trace = simulate(next, nextSeed === undefined ? {} : { seed: nextSeed });
      set((s) => {
        s.presetName = name;
        s.scenario = next;
        s.trace = trace;
        s.cursor = { step: 0, t: 0.5 };
        s.playing = false;
      });
      return true;
    },
  };
}
