// The simulation worker: runs `simulate` off the page's main thread, so a scenario of
// 10,000 Services leaves the page responsive. Loaded by worker-simulator.ts.
import { runSimulationJob } from './simulation-job';
import type { SimulationReply, SimulationRequest } from './simulation-messages';

/** The worker's global scope, as far as this file uses it (the project's types are the page's DOM ones). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SimulationRequest>) => void) | null;
  postMessage(reply: SimulationReply): void;
};

scope.onmessage = ({ data: { id, job } }) => {
  try {
    const start = performance.now();
    const outcome = runSimulationJob(job, (progress) => scope.postMessage({ id, kind: 'progress', progress }));
    scope.postMessage({ id, kind: 'done', outcome, ms: performance.now() - start });
  } catch (e) {
    // An engine bug: the page keeps its last good trace and says so.
    scope.postMessage({ id, kind: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};
