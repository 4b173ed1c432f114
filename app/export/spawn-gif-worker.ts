/**
 * The GIF worker, from its own file next to the page's scripts (the single-file
 * build swaps this module for spawn-gif-worker-inline.ts: see vite.config.ts).
 */
export const spawnGifWorker = (): Worker => new Worker(new URL('./gif.worker.ts', import.meta.url), { type: 'module' });
