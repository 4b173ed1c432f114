// The trace is deeply readonly and the drafts immer hands a recipe are typed mutable:
// castDraft (a no-op at run time) stores it as it is.
import { castDraft, freeze } from 'immer';
import {
  matchingStep,
  PRESETS,
  presetScenario,
  simulate,
  type IpvsScheduler,
  type ProxyMode,
  type Scenario,
  type ScenarioResult,
  type Trace,
} from '../../src/index';
import { READER_NOT_LOADED, scenarioIo } from '../url/load-scenario-io';
import type { BackgroundSimulator, LoadResult, SimulationJob } from './background-simulator';
import { clusterEventsMissing, hasEvents } from './load-cluster-events';
import { modeEngineMissing } from './load-mode-engine';
import { needsBackground, textNeedsBackground } from './needs-background';
import type { AppState, ScenarioSlice, SimulationPurpose, SliceCreator } from './types';

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
  /**
   * Where big scenarios are simulated (`needsBackground`): a Web Worker in the page.
   * Without one (tests, the CLI) every scenario is simulated at once, on this thread.
   */
  readonly background?: BackgroundSimulator;
  /**
   * Loads a kube-proxy mode's engine (the page: load-mode-engine.ts). A scenario in a mode
   * whose engine is not loaded yet is simulated here once it has: pending meanwhile, like a
   * background run. Without it (tests, the CLI) every mode's engine is registered already.
   */
  readonly loadEngine?: (mode: ProxyMode) => Promise<void>;
  /**
   * Loads control-plane events' engine (the page: load-cluster-events.ts). A scenario with events,
   * before that engine has loaded, is simulated here once it has: pending meanwhile, like a
   * background run. Without it (tests, the CLI) the engine is registered already.
   */
  readonly loadEvents?: () => Promise<void>;
}

/**
 * A scenario or a trace as the store keeps it: frozen at its top, so that immer, finishing the
 * recipe that stores it, neither walks it for drafts nor freezes it deeply (the engine never
 * changes a value it returned). A 10,000-Service trace cost 128 ms there, in the task that shows it.
 */
const settled = <T extends object>(value: T): T => freeze(value);

/**
 * Puts a new scenario's trace on screen, in the mode and with the scheduler it was simulated
 * with. `rerun`: the scenario on screen in another mode or with another scheduler, whose
 * walks differ in length: the same packet stays, at the same place; otherwise a kept step
 * keeps its index.
 */
function show(s: AppState, next: { scenario: Scenario; trace: Trace; scheduler: IpvsScheduler }, keepStep: boolean, rerun = false) {
  const kept = rerun ? matchingStep(s.trace as Trace, s.cursor.step, next.trace) : Math.min(s.cursor.step, next.trace.steps.length - 1);
  s.scenario = settled(next.scenario);
  s.trace = castDraft(settled(next.trace));
  s.mode = next.trace.mode;
  s.scheduler = next.scheduler;
  s.cursor = keepStep ? { step: kept, t: 0.5 } : { step: 0, t: 0.5 };
  s.playing = false;
}

export function createScenarioSlice({
  preset = 'article',
  seed,
  mode = 'iptables',
  scheduler = 'rr',
  background,
  loadEngine,
  loadEvents,
}: ScenarioSliceOptions = {}): SliceCreator<ScenarioSlice> {
  return (set, get) => {
    // A preset big enough for the background (`large`) is not parsed nor simulated here, before the
    // first paint: the page opens on the article and `loadPreset` brings it in from the worker. So
    // is a preset with events when their engine has not loaded (its chunk failed before the first
    // frame): `loadPreset` brings it in once it has.
    const eventsLater = loadEvents !== undefined && Object.hasOwn(PRESETS, preset) && clusterEventsMissing(PRESETS[preset]);
    const later = (background !== undefined && Object.hasOwn(PRESETS, preset) && needsBackground(PRESETS[preset], mode)) || eventsLater;
    const first = later ? 'article' : preset;
    // Without its mode's engine (the mode's chunk did not load before the first frame), the page
    // opens in iptables mode; openFromUrl then switches, once the engine has loaded.
    const firstMode = loadEngine !== undefined && modeEngineMissing(mode) ? 'iptables' : mode;
    const offThread = (input: unknown, inMode: ProxyMode) => background !== undefined && needsBackground(input, inMode);
    /** Whether a run waits for an engine to load (its mode's, or its events'): then `afterEngine` runs it. */
    const waitsForEngine = (inMode: ProxyMode, input: unknown) =>
      (loadEngine !== undefined && modeEngineMissing(inMode)) || (loadEvents !== undefined && clusterEventsMissing(input));
    /** Simulates on this thread once the mode's engine, and the events' when it has some, have loaded (a rejected load is the run's error). */
    const afterEngine =
      (scenario: Scenario, runSeed: number | undefined, scheduler: IpvsScheduler): BackgroundSimulator =>
      (job) => ({
        result: Promise.all([loadEngine?.(job.mode!), hasEvents(scenario) ? loadEvents?.() : undefined]).then(() => ({
          ok: true as const,
          scenario,
          trace: run(scenario, runSeed, job.mode!, scheduler),
        })),
        cancel: () => undefined,
      });
    const scenario = presetScenario(first) ?? presetScenario('article')!;
    const runner = createBackgroundRuns(set, get, background);

    /**
     * The scenario on screen again in another mode or with another scheduler: the
     * same packet stays on screen, at the same place (`matchingStep`). A load still under way is redone that way instead: it,
     * not the scenario on screen, is what the user is waiting for.
     */
    const rerun = (change: Pick<SimulationJob, 'mode'> | Pick<SimulationJob, 'scheduler'>, purpose: SimulationPurpose) => {
      const pending = runner.pendingJob();
      if (pending) {
        const { keepStep, presetName } = pending;
        void runner.start({ ...pending.job, ...change }, pending.purpose, { keepStep, presetName, continuing: true });
        return;
      }
      const s = get();
      const next = { mode: s.mode, scheduler: s.scheduler, ...change } as { mode: ProxyMode; scheduler: IpvsScheduler };
      if (offThread(s.scenario, next.mode) || waitsForEngine(next.mode, s.scenario)) {
        const job = { input: s.scenario, seed: s.trace.seed, ...next };
        const where = offThread(s.scenario, next.mode) ? undefined : afterEngine(s.scenario, s.trace.seed, next.scheduler);
        void runner.start(job, purpose, { keepStep: true, presetName: s.presetName, continuing: false }, where);
        return;
      }
      const trace = run(s.scenario, s.trace.seed, next.mode, next.scheduler);
      set((d) => show(d, { scenario: s.scenario, trace, scheduler: next.scheduler }, true, true));
    };
    /** What is (or will be, when the pending run ends) on screen. */
    const wanted = () => runner.pendingJob()?.job ?? get();

    return {
      presetName: presetScenario(first) ? first : 'article',
      scenario,
      mode: firstMode,
      scheduler,
      trace: run(scenario, later ? undefined : seed, firstMode, scheduler),
      simulation: null,
      simulationError: null,
      setMode: (next) => {
        if (next !== wanted().mode) rerun({ mode: next }, 'mode');
      },
      setScheduler: (next) => {
        if (next !== wanted().scheduler) rerun({ scheduler: next }, 'scheduler');
      },
      loadScenario: (input, { keepStep = false, ownMode = false, textLimit } = {}): LoadResult => {
        const s = get();
        const inMode = ownMode ? {} : { mode: s.mode, scheduler: s.scheduler };
        const inBackground = (job: SimulationJob): LoadResult => ({
          ok: 'pending',
          settled: runner.start(job, 'scenario', { keepStep, presetName: null, continuing: false }),
        });
        // A file's text is read where it is simulated: a big one is not even parsed on this thread.
        let value = input;
        if (textLimit !== undefined) {
          const text = typeof input === 'string' ? input : '';
          if (background && textNeedsBackground(text)) return inBackground({ input: text, textLimit, ...inMode });
          const read = scenarioIo()?.readScenarioJsonValue(text, { maxChars: textLimit }) ?? READER_NOT_LOADED;
          if (!read.ok) return read;
          value = read.value;
        }
        if (offThread(value, inMode.mode ?? ownModeOf(value))) return inBackground({ input: value, ...inMode });
        runner.cancel();
        // Untrusted input: validated first; on any error nothing changes, so the
        // last good scenario stays on screen.
        // The validator loads on demand (load-scenario-io.ts); whatever brings a custom scenario loads it first.
        const parsed = scenarioIo()?.parseScenario(value) ?? READER_NOT_LOADED;
        if (!parsed.ok) return parsed;
        const nextMode = inMode.mode ?? parsed.scenario.mode;
        if (waitsForEngine(nextMode, parsed.scenario)) {
          const where = afterEngine(parsed.scenario, undefined, inMode.scheduler ?? parsed.scenario.scheduler);
          const job = { input: parsed.scenario, ...inMode, mode: nextMode };
          return { ok: 'pending', settled: runner.start(job, 'scenario', { keepStep, presetName: null, continuing: false }, where) };
        }
        const nextScheduler = inMode.scheduler ?? parsed.scenario.scheduler;
        const trace = run(parsed.scenario, undefined, inMode.mode ?? parsed.scenario.mode, nextScheduler);
        set((d) => {
          d.presetName = null;
          show(d, { scenario: parsed.scenario, trace, scheduler: nextScheduler }, keepStep);
        });
        return parsed;
      },
      loadPreset: (name, nextSeed) => {
        if (!Object.hasOwn(PRESETS, name)) return false;
        const input = PRESETS[name];
        const { mode: inMode, scheduler: inScheduler } = get();
        if (offThread(input, inMode) || waitsForEngine(inMode, input)) {
          const job = { input, mode: inMode, scheduler: inScheduler, ...(nextSeed === undefined ? {} : { seed: nextSeed }) };
          const where = offThread(input, inMode) ? undefined : afterEngine(presetScenario(name)!, nextSeed, inScheduler);
          return { ok: 'pending', settled: runner.start(job, 'scenario', { keepStep: false, presetName: name, continuing: false }, where) };
        }
        const next = presetScenario(name)!;
        runner.cancel();
        const trace = run(next, nextSeed, get().mode, get().scheduler);
        set((s) => {
          s.presetName = name;
          s.scenario = settled(next);
          s.trace = castDraft(settled(trace));
          s.cursor = { step: 0, t: 0.5 };
          s.playing = false;
        });
        return true;
      },
      cancelSimulation: () => runner.cancel(),
      dismissSimulationError: () => set((s) => void (s.simulationError = null)),
    };
  };
}

/** The mode a scenario's JSON asks for, for the size check before it is validated. */
function ownModeOf(input: unknown): ProxyMode {
  return typeof input === 'object' && input !== null && 'mode' in input && input.mode === 'ipvs' ? 'ipvs' : 'iptables';
}

type Setter = Parameters<SliceCreator<ScenarioSlice>>[0];
/** Answers the caller of a background load: its result, or null when it was cancelled, replaced or failed. */
type Settle = (result: ScenarioResult | null) => void;

/** A background run in progress: its job and what to do with the trace when it comes. */
interface PendingRun {
  readonly id: number;
  readonly job: SimulationJob;
  readonly purpose: SimulationPurpose;
  readonly keepStep: boolean;
  /** The preset the result is shown as (a mode switch of a preset stays that preset), or null for a custom scenario. */
  readonly presetName: string | null;
  readonly cancel: () => void;
  readonly settle: Settle;
}

/**
 * At most one simulation in the background. While it runs, the previous
 * scenario and trace stay on screen and usable and `simulation` says how far it
 * is; when it ends its trace replaces them, or its errors come back; Cancel (or
 * a newer request) leaves everything as it was; a crash sets `simulationError`.
 * `continuing` redoes the pending run's request another way (a mode switch during
 * a load): its caller then gets the redone run's result.
 */
function createBackgroundRuns(set: Setter, get: () => AppState, background: BackgroundSimulator | undefined) {
  let current: PendingRun | null = null;
  let nextId = 1;
  const finished = (id: number): PendingRun | null => {
    if (current?.id !== id) return null;
    const run = current;
    current = null;
    return run;
  };
  const start = (
    job: SimulationJob,
    purpose: SimulationPurpose,
    options: { keepStep: boolean; presetName: string | null; continuing: boolean },
    simulator: BackgroundSimulator | undefined = background,
  ): Promise<ScenarioResult | null> => {
    const previous = current;
    current = null;
    previous?.cancel();
    let settle: Settle = () => {};
    const settled = new Promise<ScenarioResult | null>((resolve) => (settle = resolve));
    if (previous && options.continuing) {
      const own = settle;
      settle = (result) => {
        previous.settle(result);
        own(result);
      };
    } else previous?.settle(null);
    const id = nextId++;
    const status = { purpose, mode: job.mode ?? null, scheduler: job.scheduler ?? null };
    // A scenario that is not a preset goes in the URL as `s=`: its link is encoded off this thread too.
    const running = simulator!(options.presetName === null ? { ...job, link: true } : job, ({ done, total }) => {
      if (current?.id === id) set((s) => void (s.simulation = { ...status, done, total }));
    });
    current = { id, job, purpose, keepStep: options.keepStep, presetName: options.presetName, cancel: running.cancel, settle };
    set((s) => {
      s.simulation = { ...status, done: 0, total: 0 };
      s.simulationError = null;
    });
    running.result.then(
      (outcome) => {
        const run = finished(id);
        if (!run) return;
        if (!outcome.ok) {
          set((s) => void (s.simulation = null));
          return run.settle(outcome);
        }
        if (outcome.link !== undefined) scenarioIo()?.rememberLink(outcome.scenario, outcome.link);
        set((s) => {
          s.simulation = null;
          s.presetName = run.presetName;
          show(
            s,
            { scenario: outcome.scenario, trace: outcome.trace, scheduler: job.scheduler ?? outcome.scenario.scheduler },
            run.keepStep,
            run.purpose !== 'scenario',
          );
        });
        run.settle({ ok: true, scenario: get().scenario });
      },
      (error: unknown) => {
        const run = finished(id);
        if (!run) return;
        set((s) => {
          s.simulation = null;
          s.simulationError = error instanceof Error ? error.message : String(error);
        });
        run.settle(null);
      },
    );
    return settled;
  };
  return {
    start,
    /** Stops the pending run, if any: nothing on screen changes. */
    cancel: () => {
      if (!current) return;
      const run = current;
      current = null;
      run.cancel();
      run.settle(null);
      set((s) => void (s.simulation = null));
    },
    pendingJob: (): PendingRun | null => current,
  };
}
