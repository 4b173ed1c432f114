// The simulation worker: runs `simulate` off the page's main thread, so a scenario of
// 10,000 Services leaves the page responsive. Loaded by worker-simulator.ts.
import { clusterEventsBackend, registerClusterEvents, registerEveryModeEngine, runLbLab } from '../../src/index';
import { isLabRequest, type LabReply, type LabRequest } from './lab-messages';
import { runSimulationJob } from './simulation-job';
import type { SimulationReply, SimulationRequest } from './simulation-messages';

// The worker simulates and runs the lab in any mode, for any scenario: every mode's engine, and control-plane events', is here.
registerEveryModeEngine();
registerClusterEvents(clusterEventsBackend);

/** The worker's global scope, as far as this file uses it (the project's types are the page's DOM ones). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SimulationRequest | LabRequest>) => void) | null;
  postMessage(reply: SimulationReply | LabReply): void;
};

scope.onmessage = ({ data }) => {
  // The load-balancing lab's runs (app/worker/lab-runner.ts) come to this script too.
  if (isLabRequest(data)) {
    try {
      const start = performance.now();
      const result = runLbLab(data.lab.scenario, data.lab.options);
      scope.postMessage({ id: data.id, kind: 'lab-done', result, ms: performance.now() - start });
    } catch (e) {
      scope.postMessage({ id: data.id, kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
    return;
  }
  const { id, job } = data;
  try {
    const start = performance.now();
    const outcome = runSimulationJob(job, (progress) => scope.postMessage({ id, kind: 'progress', progress }));
    scope.postMessage({ id, kind: 'done', outcome, ms: performance.now() - start });
  } catch (e) {
    // An engine bug: the page keeps its last good trace and says so.
    scope.postMessage({ id, kind: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};
