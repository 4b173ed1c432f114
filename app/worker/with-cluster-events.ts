import type { BackgroundSimulator } from '../store/background-simulator';
import { hasEvents, loadClusterEvents } from '../store/load-cluster-events';

/**
 * The page's background simulator, holding a trace back until control-plane events' engine
 * is on this thread too when the scenario has events: their steps are narrated here (narrate),
 * with the sentences that come with that engine. It starts loading with a job whose JSON has
 * events; a file's text is known to have some once the worker has read it.
 */
export function withClusterEvents(simulator: BackgroundSimulator): BackgroundSimulator {
  return (job, onProgress) => {
    if (hasEvents(job.input)) loadClusterEvents().catch(() => undefined);
    const running = simulator(job, onProgress);
    const result = running.result.then(async (outcome) => {
      if (outcome.ok && hasEvents(outcome.scenario)) await loadClusterEvents();
      return outcome;
    });
    return { result, cancel: running.cancel };
  };
}
