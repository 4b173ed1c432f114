/// <reference types="vite/client" />
import SimulationWorker from './simulate.worker.ts?worker&inline';

/**
 * The simulation worker, its script inlined in the page: the single-file build
 * (`npm run build:single`) has no other file to load it from. vite.config.ts
 * puts this module in spawn-worker.ts's place in that build only.
 */
export const spawnSimulationWorker = (): Worker => new SimulationWorker();
