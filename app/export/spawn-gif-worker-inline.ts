/// <reference types="vite/client" />
import GifWorker from './gif.worker.ts?worker&inline';

/**
 * The GIF worker, its script inlined in the page: the single-file build
 * (`npm run build:single`) has no other file to load it from. vite.config.ts
 * puts this module in spawn-gif-worker.ts's place in that build only.
 */
export const spawnGifWorker = (): Worker => new GifWorker();
