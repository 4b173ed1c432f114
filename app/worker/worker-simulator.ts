import type { BackgroundSimulator, SimulationOutcome } from '../store/background-simulator';
import type { SimulationReply, SimulationRequest } from './simulation-messages';
import { spawnSimulationWorker } from './spawn-worker';

/** The part of a Worker this uses, so tests can hand in a fake one. */
export interface WorkerLike {
  postMessage(request: SimulationRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<SimulationReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Why a run ended without an outcome: cancelled, or the worker itself failed. */
export class SimulationStopped extends Error {}

const spawn = (): WorkerLike => spawnSimulationWorker();

/**
 * Runs jobs in a Web Worker, one at a time. The worker is started on the first
 * job (not on page load) and kept for the next; Cancel terminates it, which
 * stops `simulate` at once, and the next job starts a fresh one. A new job
 * while one runs replaces it the same way.
 */
export function createWorkerSimulator(createWorker: () => WorkerLike = spawn): BackgroundSimulator {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  let stopCurrent: ((reason: string) => void) | null = null;
  const drop = () => {
    worker?.terminate();
    worker = null;
  };
  return (job, onProgress) => {
    if (stopCurrent) {
      stopCurrent('replaced by a newer simulation');
      drop();
    }
    const id = nextId++;
    const w = (worker ??= createWorker());
    const result = new Promise<SimulationOutcome>((resolve, reject) => {
      const finish = () => {
        stopCurrent = null;
        w.onmessage = null;
        w.onerror = null;
      };
      stopCurrent = (reason) => {
        finish();
        reject(new SimulationStopped(reason));
      };
      w.onmessage = ({ data }) => {
        if (data.id !== id) return;
        if (data.kind === 'progress') return onProgress(data.progress);
        finish();
        // User Timing marks, for `npm run bench:worker`: the outcome is here (the trace copied), and how long the worker worked.
        performance.mark('packetwalk:simulation-result', { detail: { workerMs: data.kind === 'done' ? data.ms : null } });
        if (data.kind === 'done') resolve(data.outcome);
        else reject(new SimulationStopped(data.message));
      };
      w.onerror = (event) => {
        finish();
        drop();
        reject(new SimulationStopped(event.message || 'the simulation worker failed'));
      };
      performance.mark('packetwalk:simulation-start');
      w.postMessage({ id, job });
    });
    const cancel = () => {
      if (!stopCurrent || nextId - 1 !== id) return;
      stopCurrent('cancelled');
      drop();
    };
    return { result, cancel };
  };
}
