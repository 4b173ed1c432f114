/**
 * The node worker, from its own file next to the page's scripts (the single-file build
 * swaps this module for spawn-node-worker-inline.ts: see vite.config.ts).
 */
export const spawnNodeWorker = (): Worker => new Worker(new URL('./node-trace.worker.ts', import.meta.url), { type: 'module' });
