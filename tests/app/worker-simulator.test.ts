import { describe, expect, it, vi } from 'vitest';
import { presetScenario } from '../../src/index';
import type { SimulationReply, SimulationRequest } from '../../app/worker/simulation-messages';
import { createWorkerSimulator, SimulationStopped, type WorkerLike } from '../../app/worker/worker-simulator';
import { runSimulationJob } from '../../app/worker/simulation-job';

/** A stand-in Worker: it records what the page sends, and the test plays the worker's replies. */
class FakeWorker implements WorkerLike {
  readonly sent: SimulationRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<SimulationReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(request: SimulationRequest) {
    this.sent.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: SimulationReply) {
    this.onmessage?.({ data } as MessageEvent<SimulationReply>);
  }
}

const job = { input: presetScenario('article')!, mode: 'iptables' as const, scheduler: 'rr' as const };

function simulator() {
  const workers: FakeWorker[] = [];
  const run = createWorkerSimulator(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  return { run, workers };
}

describe('createWorkerSimulator', () => {
  it('starts no worker until the first job, passes progress on and resolves with the outcome', async () => {
    const { run, workers } = simulator();
    expect(workers).toHaveLength(0);
    const progress = vi.fn();
    const running = run(job, progress);
    const w = workers[0]!;
    const { id } = w.sent[0]!;
    expect(w.sent[0]!.job).toEqual(job);
    w.reply({ id, kind: 'progress', progress: { done: 1, total: 3 } });
    expect(progress).toHaveBeenCalledWith({ done: 1, total: 3 });
    const outcome = runSimulationJob(job);
    w.reply({ id, kind: 'done', outcome, ms: 1 });
    await expect(running.result).resolves.toBe(outcome);
    // The worker is kept for the next job.
    run(job, () => {});
    expect(workers).toHaveLength(1);
    expect(w.sent).toHaveLength(2);
  });

  it('terminates the worker on Cancel and rejects; the next job gets a fresh worker', async () => {
    const { run, workers } = simulator();
    const running = run(job, () => {});
    running.cancel();
    expect(workers[0]!.terminated).toBe(true);
    await expect(running.result).rejects.toBeInstanceOf(SimulationStopped);
    run(job, () => {});
    expect(workers).toHaveLength(2);
  });

  it('rejects with the worker’s message when simulate threw, or when the worker itself failed', async () => {
    const { run, workers } = simulator();
    const first = run(job, () => {});
    workers[0]!.reply({ id: workers[0]!.sent[0]!.id, kind: 'failed', message: 'no node vm9' });
    await expect(first.result).rejects.toThrow('no node vm9');
    const second = run(job, () => {});
    workers[0]!.onerror?.({ message: 'could not load the module' } as ErrorEvent);
    await expect(second.result).rejects.toThrow('could not load the module');
    expect(workers[0]!.terminated).toBe(true);
  });

  it('replaces a running job with a new one: the old one is stopped, its late replies ignored', async () => {
    const { run, workers } = simulator();
    const first = run(job, () => {});
    const second = run(job, () => {});
    await expect(first.result).rejects.toBeInstanceOf(SimulationStopped);
    expect(workers[0]!.terminated).toBe(true);
    const w = workers[1]!;
    w.reply({ id: workers[0]!.sent[0]!.id, kind: 'failed', message: 'stale' });
    const outcome = runSimulationJob(job);
    w.reply({ id: w.sent[0]!.id, kind: 'done', outcome, ms: 1 });
    await expect(second.result).resolves.toBe(outcome);
  });
});
