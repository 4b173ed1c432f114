// The trace is deeply readonly and the drafts immer hands a recipe are typed mutable:
// castDraft (a no-op at run time) stores it as it is.
import { castDraft } from 'immer';
import { presetScenario, simulate, type IpvsScheduler, type ProxyMode, type Scenario } from '../../src/index';
import { READER_NOT_LOADED, scenarioIo } from '../url/load-scenario-io';
import type { ScenarioSlice, SliceCreator } from './types';

/**
 * The scenario and its trace. The trace is the engine's output for the
 * scenario: computed once when the scenario changes, never by a view.
 */
const run = (scenario: Scenario, seed: number | undefined, mode: ProxyMode, scheduler: IpvsScheduler) =>
  simulate(scenario, { mode, scheduler, ...(seed === undefined ? {} : { seed }) });

/** The preset the page opens on (the article when unknown), its seed, and kube-proxy's mode and scheduler. */
export interface ScenarioSliceOptions {
  readonly preset?: string;
  readonly seed?: number;
  readonly mode?: ProxyMode;
  readonly scheduler?: IpvsScheduler;
}

export function createScenarioSlice({
  preset = 'article',
  seed,
  mode = 'iptables',
  scheduler = 'rr',
}: ScenarioSliceOptions = {}): SliceCreator<ScenarioSlice> {
  return (set, get) => {
    const scenario = presetScenario(preset) ?? presetScenario('article')!;
    return {
      presetName: presetScenario(preset) ? preset : 'article',
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
          s.trace = castDraft(trace);
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
          s.trace = castDraft(trace);
          s.cursor = { step: Math.min(s.cursor.step, trace.steps.length - 1), t: 0.5 };
          s.playing = false;
        });
      },
      loadScenario: (input, keepStep = false) => {
        // Untrusted input: validated first; on any error nothing changes, so the
        // last good scenario stays on screen.
        // The validator loads on demand (load-scenario-io.ts); whatever brings a custom scenario loads it first.
        const parsed = scenarioIo()?.parseScenario(input) ?? READER_NOT_LOADED;
        if (!parsed.ok) return parsed;
        const trace = run(parsed.scenario, undefined, get().mode, get().scheduler);
        set((s) => {
          s.presetName = null;
          s.scenario = parsed.scenario;
          s.trace = castDraft(trace);
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
          s.trace = castDraft(trace);
          s.cursor = { step: 0, t: 0.5 };
          s.playing = false;
        });
        return true;
      },
    };
  };
}
