import type { BackgroundSimulator } from '../store/background-simulator';
import { loadNftEngine } from '../store/load-nft-engine';

/**
 * The page's background simulator, holding an nftables-mode trace back until nftables mode's
 * engine is on this thread too: its panels print the node's table from it (nodeNftListAt).
 * The engine starts loading with a job that asks for that mode; a scenario's own mode is known
 * once the worker has read it.
 */
export function withNftEngine(simulator: BackgroundSimulator): BackgroundSimulator {
  return (job, onProgress) => {
    if (job.mode === 'nftables') loadNftEngine().catch(() => undefined);
    const running = simulator(job, onProgress);
    const result = running.result.then(async (outcome) => {
      if (outcome.ok && outcome.trace.mode === 'nftables') await loadNftEngine();
      return outcome;
    });
    return { result, cancel: running.cancel };
  };
}
