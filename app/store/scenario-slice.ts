import { parseScenario, presetScenario, simulate, type IpvsScheduler, type ProxyMode, type Scenario } from '../../src/index';
import type { GetState, ScenarioSlice, SetState } from './types';

/**
 * The scenario and its trace. The trace is the engine's output for the
 * scenario: computed once when the scenario changes, never by a view.
 */
const run = (scenario: Scenario, seed: number | undefined, mode: ProxyMode, scheduler: IpvsScheduler) =>
  simulate(scenario, { mode, scheduler, ...(seed === undefined ? {} : { seed }) });

export function createScenarioSlice(
  set: SetState,
  get: GetState,
  initialPreset: string,
  seed?: number,
  mode: ProxyMode = 'iptables',
  scheduler: IpvsScheduler = 'rr',
): ScenarioSlice {
  const scenario = presetScenario(initialPreset) ?? presetScenario('article')!;
  return {
    presetName: presetScenario(initialPreset) ? initialPreset : 'article',
    scenario,
    mode,
    scheduler,
    trace: run(scenario, seed, mode, scheduler),
    setMode: (next) => {
      if (next === get().mode) return;
      // The same scenario and seed in the other mode: the step stays where it is (clamped).
      const trace = run(get().scenario, get().trace.seed, next, get().scheduler);
      set((s) => {
        s.mode = next;
        s.trace = trace;
        s.cursor = { step: Math.min(s.cursor.step, trace.steps.length - 1), t: 0.5 };
        s.playing = false;
      });
    },
    setScheduler: (next) => {
      if (next === get().scheduler) return;
      // Another scheduler for the same scenario and seed: the step stays (clamped).
      const trace = run(get().scenario, get().trace.seed, get().mode, next);
      set((s) => {
        s.scheduler = next;
        s.trace = trace;
        s.cursor = { step: Math.min(s.cursor.step, trace.steps.length - 1), t: 0.5 };
        s.playing = false;
      });
    },
    loadScenario: (input, keepStep = false) => {
      // Untrusted input: validated first; on any error nothing changes, so the
      // last good scenario stays on screen.
      const parsed = parseScenario(input);
      if (!parsed.ok) return parsed;
      const trace = run(parsed.scenario, undefined, get().mode, get().scheduler);
      set((s) => {
        s.presetName = null;
        s.scenario = parsed.scenario;
        s.trace = trace;
        s.cursor = keepStep ? { step: Math.min(s.cursor.step, trace.steps.length - 1), t: 0.5 } : { step: 0, t: 0.5 };
        s.playing = false;
      });
      return parsed;
    },
    loadPreset: (name, nextSeed) => {
      const next = presetScenario(name);
      if (!next) return false;
      const trace = run(next, nextSeed, get().mode, get().scheduler);
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
