import { describe, expect, it } from 'vitest';
import { addPod } from '../../app/editor/edits';
import {
  browserStorage,
  restoreSavedScenario,
  saveScenarioChanges,
  STORAGE_KEY,
  urlNamesScenario,
  type ScenarioStorage,
} from '../../app/editor/persist';
import { createAppStore } from '../../app/store/create-app-store';
import { PRESETS } from '../../src/index';

/** A Map-backed Storage, optionally refusing to write. */
function memoryStorage(initial: Record<string, string> = {}, full = false): ScenarioStorage & { readonly items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      if (full) throw new DOMException('full', 'QuotaExceededError');
      items.set(key, value);
    },
  };
}

const withPod5 = addPod(PRESETS.article!, { name: 'pod5', node: 'vm2', labels: { app: 'web' } });

describe('persistence', () => {
  it('saves each custom scenario, with the preset it came from, and nothing for a preset', () => {
    const store = createAppStore();
    const storage = memoryStorage();
    const stop = saveScenarioChanges(store, storage);
    store.getState().loadPreset('hairpin');
    expect(storage.items.size).toBe(0);
    store.getState().commitEdit(addPod(store.getState().scenario, { name: 'pod9', node: 'vm1' }));
    const saved = JSON.parse(storage.items.get(STORAGE_KEY)!);
    expect(saved.basePreset).toBe('hairpin');
    expect(saved.scenario.cluster.pods.at(-1).name).toBe('pod9');
    stop();
  });

  it('restores the saved scenario through validation, so Reset to preset still knows its preset', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: JSON.stringify({ scenario: withPod5, basePreset: 'article' }) });
    const store = createAppStore();
    expect(restoreSavedScenario(store, storage)).toBe(true);
    expect(store.getState().presetName).toBeNull();
    expect(store.getState().trace.topology.pods.map((p) => p.name)).toContain('pod5');
    store.getState().resetToPreset();
    expect(store.getState().presetName).toBe('article');
  });

  it('round-trips: what one page load saves, the next restores', () => {
    const storage = memoryStorage();
    const first = createAppStore();
    saveScenarioChanges(first, storage);
    first.getState().commitEdit(withPod5);
    first.getState().rollAgain();
    const second = createAppStore();
    restoreSavedScenario(second, storage);
    expect(second.getState().scenario).toEqual(first.getState().scenario);
    expect(second.getState().trace.seed).toBe(first.getState().trace.seed);
  });

  it.each([
    ['not JSON', '{oops', ': it is not JSON'],
    ['no scenario', '[1,2]', ': it holds no scenario'],
    ['an invalid scenario', JSON.stringify({ scenario: { ...withPod5, seed: -1 }, basePreset: 'article' }), 'seed: '],
    [
      'a scenario naming an unknown node',
      JSON.stringify({ scenario: addPod(withPod5, { name: 'pod6', node: 'vm9' }) }),
      'no node named "vm9"',
    ],
  ])('ignores %s with a message, keeping the page as it opened', (_, text, message) => {
    const store = createAppStore();
    const trace = store.getState().trace;
    expect(restoreSavedScenario(store, memoryStorage({ [STORAGE_KEY]: text }))).toBe(false);
    expect(store.getState().trace).toBe(trace);
    expect(store.getState().presetName).toBe('article');
    const errors = store.getState().editor.restoreErrors!;
    expect(errors.map((e) => `${e.path}: ${e.message}`).join('\n')).toContain(message);
  });

  it('ignores an unknown base preset and survives storage that throws', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: JSON.stringify({ scenario: withPod5, basePreset: '__proto__' }) });
    const store = createAppStore();
    restoreSavedScenario(store, storage);
    expect(store.getState().editor.current?.basePreset).toBeNull();
    const throwing: ScenarioStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(restoreSavedScenario(createAppStore(), throwing)).toBe(false);
    const full = memoryStorage({}, true);
    const other = createAppStore();
    saveScenarioChanges(other, full);
    expect(other.getState().commitEdit(withPod5).ok).toBe(true);
    expect(
      browserStorage({
        get localStorage(): ScenarioStorage {
          throw new Error('SecurityError');
        },
      }),
    ).toBeNull();
  });

  it.each([
    ['', false],
    ['?view=classic&lang=zh', false],
    ['?preset=article', true],
    ['?s=N4Ig', true],
  ])('the URL %j names a scenario: %s', (search, named) => {
    expect(urlNamesScenario(search)).toBe(named);
  });
});
