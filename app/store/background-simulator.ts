import type { IpvsScheduler, ProxyMode, Scenario, ScenarioError, ScenarioResult, SimulateProgress, Trace } from '../../src/index';

/**
 * A simulation to run off the main thread: scenario JSON that may be untrusted
 * (it is validated where it runs), the seed, and kube-proxy's mode and scheduler;
 * `undefined` takes the scenario's own.
 */
export interface SimulationJob {
  readonly input: unknown;
  /** `input` is JSON text of at most this many characters (a file), read where the job runs. */
  readonly textLimit?: number;
  readonly seed?: number;
  readonly mode?: ProxyMode;
  readonly scheduler?: IpvsScheduler;
  /** Also encode the scenario's `s=` link where the job runs (a scenario that is not a preset: the URL will carry it). */
  readonly link?: boolean;
}

/** The validated scenario and its trace, or why the scenario is invalid. */
export type SimulationOutcome =
  | { readonly ok: true; readonly scenario: Scenario; readonly trace: Trace; readonly link?: string }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] };

/** A simulation under way: its outcome (rejected when it crashed or was cancelled), and how to stop it. */
export interface RunningSimulation {
  readonly result: Promise<SimulationOutcome>;
  cancel(): void;
}

/** Runs a job somewhere else (a Web Worker in the page, a fake in tests), reporting progress as it goes. */
export type BackgroundSimulator = (job: SimulationJob, onProgress: (progress: SimulateProgress) => void) => RunningSimulation;

/**
 * What `loadScenario` did: the result at once, or, for a scenario big enough to be
 * simulated in the background, a promise of it. The promise gives null when the
 * run was cancelled, replaced by a newer one, or failed (the store then says why).
 */
export type LoadResult = ScenarioResult | PendingLoad;

export interface PendingLoad {
  readonly ok: 'pending';
  readonly settled: Promise<ScenarioResult | null>;
}

/**
 * Calls `then` with a load's result: at once when it is known, else when the
 * background run ends with a scenario or its errors (never when it was cancelled).
 */
export function whenLoaded(result: LoadResult, then: (result: ScenarioResult) => void): void {
  if (result.ok !== 'pending') {
    then(result);
    return;
  }
  void result.settled.then((settled) => {
    if (settled !== null) then(settled);
  });
}
