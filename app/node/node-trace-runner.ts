import type { NodeTraceInput } from '../../src/node-trace';
import type { Result } from '../../src/net/result';
import type { NodeTraceReply, NodeTraceRequest } from './node-messages';
import type { ShownTrace } from './rule-runs';
import { spawnNodeWorker } from './spawn-node-worker';

/** A finished trace: the engine's result (or why the input is unusable) and how long it took. */
export interface NodeRun {
  readonly result: Result<ShownTrace>;
  readonly ms: number;
}

/** Lines read so far of the dump's total, for the progress bar. */
export type NodeProgress = (line: number, total: number) => void;

export interface NodeTraceRunner {
  /** Traces; rejects when cancelled, replaced by a newer run, or when the worker failed. */
  run(input: NodeTraceInput, onProgress: NodeProgress): Promise<NodeRun>;
  /** Stops the run going on (its worker is ended; the next run starts another). */
  cancel(): void;
}

/** The part of a Worker this uses, so tests can hand in a fake one. */
export interface NodeWorkerLike {
  postMessage(request: NodeTraceRequest): void;
  onmessage: ((event: MessageEvent<NodeTraceReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** Thrown (as a rejection) for a run the person cancelled or a newer one replaced. */
export class NodeRunCancelled extends Error {}

/**
 * Where there is no Worker (jsdom), every run fails: the engine is in the worker's script
 * only, so that the page does not load it twice. Tests hand in a runner of their own.
 */
const noWorker: NodeTraceRunner = {
  run: () => Promise.reject(new Error('this browser cannot start a Web Worker')),
  cancel: () => undefined,
};

/**
 * Traces in the node worker (started on the first run and kept, so a new packet on the same
 * dump is not read again). Cancel, or a newer run, ends the worker: a dump being read cannot
 * be interrupted otherwise.
 */
export function createNodeTraceRunner(createWorker: () => NodeWorkerLike = spawnNodeWorker): NodeTraceRunner {
  if (typeof Worker === 'undefined' && createWorker === spawnNodeWorker) return noWorker;
  let worker: NodeWorkerLike | null = null;
  let nextId = 1;
  let pending: { reject: (e: Error) => void } | null = null;
  const stop = (reason: string) => {
    if (pending === null) return;
    pending.reject(new NodeRunCancelled(reason));
    pending = null;
    worker?.terminate();
    worker = null;
  };
  return {
    run(input, onProgress) {
      stop('replaced by a newer run');
      const id = nextId++;
      const w = (worker ??= createWorker());
      return new Promise<NodeRun>((resolve, reject) => {
        pending = { reject };
        w.onmessage = ({ data }) => {
          if (data.id !== id) return;
          if (data.kind === 'progress') return onProgress(data.line, data.total);
          pending = null;
          if (data.kind === 'done') resolve({ result: data.result, ms: data.ms });
          else reject(new Error(data.message));
        };
        w.onerror = (event) => {
          pending = null;
          worker?.terminate();
          worker = null;
          reject(new Error(event.message || 'the node worker failed'));
        };
        w.postMessage({ id, input });
      });
    },
    cancel: () => stop('cancelled'),
  };
}
