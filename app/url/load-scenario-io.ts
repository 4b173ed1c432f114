import type { ScenarioError } from '../../src/index';
import type * as ScenarioIoModule from './scenario-io';
import { loadClusterEvents } from '../store/load-cluster-events';

/** The scenario validator and link codec (scenario-io.ts), once its chunk has loaded. */
export type ScenarioIo = typeof ScenarioIoModule;

let loaded: ScenarioIo | null = null;
let pending: Promise<ScenarioIo> | null = null;

/**
 * Loads the scenario validator and link codec (zod, lz-string), with control-plane events'
 * engine, once; a failed load is forgotten, so the next call tries again. Everything that
 * can put a custom scenario on screen (a link, a file, the editor, the scenario saved in
 * this browser) awaits it first, so the store and the URL writer find it loaded whenever a
 * custom scenario exists.
 */
export function loadScenarioIo(): Promise<ScenarioIo> {
  // A custom scenario may have control-plane events: checking them (parseScenario) and
  // simulating them take their engine, which comes with the reader.
  pending ??= Promise.all([import('./scenario-io'), loadClusterEvents()]).then(
    ([io]) => (loaded = io),
    (error: unknown) => {
      pending = null;
      throw error;
    },
  );
  return pending;
}

/** The loaded validator and codec, or null before `loadScenarioIo` has resolved. */
export const scenarioIo = (): ScenarioIo | null => loaded;

/** What a scenario reads as when the reader is not loaded (its chunk failed to load): nothing changes, and this says why. */
export const READER_NOT_LOADED: { readonly ok: false; readonly errors: readonly ScenarioError[] } = {
  ok: false,
  errors: [{ path: '', message: "could not be read: the page's scenario reader did not load (reload the page to try again)" }],
};
