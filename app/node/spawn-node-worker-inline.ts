/// <reference types="vite/client" />
import NodeTraceWorker from './node-trace.worker.ts?worker&inline';

/**
 * The node worker, its script inlined: the single-file build (`npm run build:single`) has no
 * other file to load it from. vite.config.ts puts this module in spawn-node-worker.ts's place there.
 */
export const spawnNodeWorker = (): Worker => new NodeTraceWorker();
