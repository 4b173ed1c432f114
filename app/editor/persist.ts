import { PRESET_NAMES, type ScenarioError } from '../../src/index';
import type { AppStore } from '../store/create-app-store';
import { resetTarget } from '../store/editor-slice';
import type { AppState } from '../store/types';

/** Where the custom scenario is kept between visits. The version is the format of the stored value. */
export const STORAGE_KEY = 'packetwalk.scenario.v1';

/** The part of the Web Storage API persistence needs (window.localStorage, or a Map-backed fake in tests). */
export interface ScenarioStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The stored value: the scenario as the validation saw it, and the preset it was edited from. */
interface SavedScenario {
  readonly scenario: unknown;
  readonly basePreset: string | null;
}

/** The browser's localStorage, or null where reading it throws (storage disabled, sandboxed frames). */
export function browserStorage(host: { readonly localStorage: ScenarioStorage }): ScenarioStorage | null {
  try {
    return host.localStorage;
  } catch {
    return null;
  }
}

/** Whether the URL says what to show (`preset=` or `s=`): then it wins over the saved scenario. */
export function urlNamesScenario(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has('preset') || params.has('s');
}

const failure = (message: string): readonly ScenarioError[] => [{ path: '', message }];

/** Whether an earlier visit saved a custom scenario (then the scenario reader loads before the first frame). */
export function hasSavedScenario(storage: ScenarioStorage): boolean {
  try {
    return storage.getItem(STORAGE_KEY) !== null;
  } catch {
    return false;
  }
}

function readSaved(text: string): SavedScenario | readonly ScenarioError[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return failure('it is not JSON');
  }
  if (typeof value !== 'object' || value === null || !('scenario' in value)) return failure('it holds no scenario');
  const base = 'basePreset' in value ? value.basePreset : null;
  return { scenario: value.scenario, basePreset: typeof base === 'string' && PRESET_NAMES.includes(base) ? base : null };
}

/**
 * Opens the scenario saved by an earlier visit, through the same validation
 * as any untrusted scenario. A value that cannot be read or is invalid is
 * ignored (the page keeps what it opened on) and the editor says why; it is
 * left in storage until the next custom scenario replaces it. True when a
 * saved scenario is now on screen (a big one is simulated in the background
 * and lands later: false then).
 */
export function restoreSavedScenario(store: AppStore, storage: ScenarioStorage): boolean {
  let text: string | null;
  try {
    text = storage.getItem(STORAGE_KEY);
  } catch {
    return false;
  }
  if (text === null) return false;
  const saved = readSaved(text);
  if (!('scenario' in saved)) {
    store.getState().setRestoreErrors(saved);
    return false;
  }
  try {
    return store.getState().restoreScenario(saved.scenario, saved.basePreset).ok === true;
  } catch (e) {
    // Valid but not simulable (an engine bug): the page must still open.
    store.getState().setRestoreErrors(failure(`it could not be simulated (${e instanceof Error ? e.message : String(e)})`));
    return false;
  }
}

/**
 * Saves the scenario on screen whenever it changes while it is a custom one
 * (presets have their name in the URL). Storage that is full or refuses is
 * skipped silently: the page works the same, it only forgets on reload.
 */
export function saveScenarioChanges(store: AppStore, storage: ScenarioStorage): () => void {
  // The editor records an edit's base preset just after the scenario lands, so both are watched.
  let last = { scenario: store.getState().scenario, base: resetTarget(store.getState()) };
  const save = (s: AppState) => {
    const base = resetTarget(s);
    if (s.scenario === last.scenario && base === last.base) return;
    last = { scenario: s.scenario, base };
    if (s.presetName !== null) return;
    const value: SavedScenario = { scenario: { ...s.scenario, seed: s.trace.seed }, basePreset: base };
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify(value));
    } catch {
      // QuotaExceededError or storage disabled.
    }
  };
  return store.subscribe(save);
}
