import { runLbLab, type LbLabOptions, type LbLabResult, type Result, type Scenario } from '../../src/index';
import type { LabReply, LabRequest } from './lab-messages';
import { spawnSimulationWorker } from './spawn-worker';

/** What a lab run gives back: the result, how long it took, and whether a worker ran it. */
export interface LabRun {
  readonly result: Result<LbLabResult>;
  readonly ms: number;
  readonly worker: boolean;
}

export type LabRunner = (scenario: Scenario, options: LbLabOptions) => Promise<LabRun>;

/** The part of a Worker this uses, so tests can hand in a fake one. */
export interface LabWorkerLike {
  postMessage(request: LabRequest): void;
  onmessage: ((event: MessageEvent<LabReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** Runs the lab on this thread: where there is no Worker (tests in jsdom). */
export const runLabHere: LabRunner = async (scenario, options) => {
  const start = performance.now();
  const result = runLbLab(scenario, options);
  return { result, ms: performance.now() - start, worker: false };
};

/**
 * Runs lab jobs in the simulation worker's script (its own instance, started on the first
 * run and kept): 10,000 connections take most of a second, which would freeze the page.
 * A newer run replaces one still going (its promise rejects).
 */
export function createLabRunner(createWorker: () => LabWorkerLike = spawnSimulationWorker): LabRunner {
  if (typeof Worker === 'undefined' && createWorker === spawnSimulationWorker) return runLabHere;
  let worker: LabWorkerLike | null = null;
  let nextId = 1;
  let pending: { id: number; reject: (e: Error) => void } | null = null;
  return (scenario, options) => {
    if (pending) {
      pending.reject(new Error('replaced by a newer run'));
      worker?.terminate();
      worker = null;
    }
    const id = nextId++;
    const w = (worker ??= createWorker());
    return new Promise<LabRun>((resolve, reject) => {
      pending = { id, reject };
      w.onmessage = ({ data }) => {
        if (data.id !== id) return;
        pending = null;
        if (data.kind === 'lab-done') resolve({ result: data.result, ms: data.ms, worker: true });
        else reject(new Error(data.message));
      };
      w.onerror = (event) => {
        pending = null;
        worker?.terminate();
        worker = null;
        reject(new Error(event.message || 'the lab worker failed'));
      };
      w.postMessage({ id, lab: { scenario, options } });
    });
  };
}
