import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeScenario, PRESETS, presetScenario } from '../../src/index';

// Each test starts from fresh modules: a page whose scenario reader (the validator and the
// link codec, a chunk of their own) has not loaded yet. tests/app/setup.ts loaded it for the
// other tests' modules, not for these.
const fresh = async () => ({
  ...(await import('../../app/url/url-state')),
  ...(await import('../../app/url/load-scenario-io')),
  ...(await import('../../app/url/sync-url')),
  createAppStore: (await import('../../app/store/create-app-store')).createAppStore,
});

const hairpinLink = () => encodeScenario({ ...presetScenario('hairpin')!, name: 'my hairpin' });

beforeEach(() => vi.resetModules());
afterEach(() => vi.doUnmock('../../app/url/scenario-io'));

describe('the page before its scenario reader has loaded', () => {
  it("opens a preset at the URL's step and writes its URL without the reader", async () => {
    const { openFromUrl, writeUrl, scenarioIo, createAppStore } = await fresh();
    const store = openFromUrl('?preset=hairpin&step=3', createAppStore);
    store.getState().stepForward();
    expect(writeUrl(store.getState())).toBe('?preset=hairpin&view=cluster&step=4&lang=en');
    expect(scenarioIo()).toBeNull();
  });

  it("opens a link's scenario once the reader has loaded", async () => {
    const { openFromUrl, writeUrl, loadScenarioIo, createAppStore } = await fresh();
    await loadScenarioIo();
    const store = openFromUrl(`?s=${hairpinLink()}&step=2`, createAppStore);
    expect(store.getState()).toMatchObject({ presetName: null, scenario: { name: 'my hairpin' }, alerts: [] });
    expect(writeUrl(store.getState())).toBe(`?s=${hairpinLink()}&view=cluster&step=2&lang=en`);
  });

  it('keeps the preset and says why when the reader cannot be loaded, and loads it on the next try', async () => {
    vi.doMock('../../app/url/scenario-io', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    const { openFromUrl, loadScenarioIo, createAppStore } = await fresh();
    await expect(loadScenarioIo()).rejects.toThrow();
    const store = openFromUrl(`?s=${hairpinLink()}`, createAppStore);
    expect(store.getState().presetName).toBe('article');
    expect(store.getState().alerts).toMatchObject([
      { param: 's', reason: 'invalid', value: expect.stringMatching(/scenario reader did not load/) },
    ]);
    // The editor's validation says the same rather than failing.
    expect(store.getState().loadScenario(PRESETS.hairpin).ok).toBe(false);
    vi.doUnmock('../../app/url/scenario-io');
    await expect(loadScenarioIo()).resolves.toBeTruthy();
    expect(store.getState().loadScenario(PRESETS.hairpin).ok).toBe(true);
  });

  it("loads the reader when Back returns to an entry with a link's scenario, then shows it", async () => {
    const { openFromUrl, syncUrl, scenarioIo, createAppStore } = await fresh();
    const store = openFromUrl('?preset=article', createAppStore);
    const listeners: (() => void)[] = [];
    const host = {
      location: { search: '?preset=article&view=cluster&step=1&lang=en', pathname: '/' },
      history: { pushState: () => {}, replaceState: () => {} },
      addEventListener: (_t: 'popstate', l: () => void) => void listeners.push(l),
      removeEventListener: () => {},
    };
    syncUrl(store, host);
    host.location = { search: `?s=${hairpinLink()}&view=cluster&step=3&lang=zh`, pathname: '/' };
    for (const l of listeners) l();
    await vi.waitFor(() => expect(store.getState().presetName).toBeNull());
    expect(store.getState()).toMatchObject({ scenario: { name: 'my hairpin' }, cursor: { step: 2 }, lang: 'zh', alerts: [] });
    expect(scenarioIo()).not.toBeNull();
  });
});
