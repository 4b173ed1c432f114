import type { BackgroundSimulator } from '../store/background-simulator';
import { loadModeEngine } from '../store/load-mode-engine';

/**
 * The page's background simulator, holding a trace back until its mode's engine is on this
 * thread too: the mode's panels print the node's tables with it (nodeIpvsadm, nodeNftListAt).
 * The engine starts loading with a job that names its mode; a scenario's own mode is known
 * once the worker has read it.
 */
export function withModeEngine(simulator: BackgroundSimulator): BackgroundSimulator {
  return (job, onProgress) => {
    if (job.mode !== undefined) loadModeEngine(job.mode).catch(() => undefined);
    const running = simulator(job, onProgress);
    const result = running.result.then(async (outcome) => {
      if (outcome.ok) await loadModeEngine(outcome.trace.mode);
      return outcome;
    });
    return { result, cancel: running.cancel };
  };
}
