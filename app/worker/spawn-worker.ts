/**
 * The simulation worker, from its own file next to the page's scripts (the
 * single-file build swaps this module for spawn-worker-inline.ts: see
 * vite.config.ts).
 */
export const spawnSimulationWorker = (): Worker => new Worker(new URL('./simulate.worker.ts', import.meta.url), { type: 'module' });
