import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRESETS } from '../../src/index';
import type * as BackendModule from '../../src/trace/cluster-events-backend';

// Each test starts from fresh modules: a page on which control-plane events' engine (a chunk of
// its own, app/store/load-cluster-events.ts) has not loaded yet. tests/app/setup.ts registered it
// for the other tests' modules, not for these.
const fresh = async () => ({
  engine: await import('../../src/index'),
  ...(await import('../../app/store/load-cluster-events')),
  ...(await import('../../app/url/url-state')),
  ...(await import('../../app/url/load-scenario-io')),
  ...(await import('../../app/worker/with-cluster-events')),
  createAppStore: (await import('../../app/store/create-app-store')).createAppStore,
});

const BACKEND = '../../src/trace/cluster-events-backend';

beforeEach(() => vi.resetModules());
afterEach(() => vi.doUnmock(BACKEND));

/** The control-plane steps of the trace on screen, narrated with the page's own engine. */
async function controlPlaneText(page: Awaited<ReturnType<typeof fresh>>, store: ReturnType<typeof page.createAppStore>) {
  const steps = store.getState().trace.steps.filter(page.engine.isControlPlaneStep);
  return (['en', 'zh'] as const).flatMap((lang) => steps.map((s) => page.engine.narrate(s.note, lang)));
}

describe("a page before control-plane events' engine has loaded", () => {
  it("opens an events preset once the engine has loaded, at the URL's step, its control-plane steps narrated in both languages", async () => {
    const page = await fresh();
    const store = page.openFromUrl('?preset=pod-churn&step=3', (o) => page.createAppStore({ ...o, loadEvents: page.loadClusterEvents }));
    // The store could not simulate it yet: the article stays on screen meanwhile.
    expect(store.getState().presetName).toBe('article');
    await vi.waitFor(() => expect(store.getState().presetName).toBe('pod-churn'));
    expect(page.engine.hasClusterEvents()).toBe(true);
    expect(store.getState().cursor.step).toBe(2);
    const text = await controlPlaneText(page, store);
    expect(text.length).toBeGreaterThan(0);
    expect(text.some((t) => t.includes('EndpointSlice'))).toBe(true);
    expect(text.some((t) => /[\u4e00-\u9fff]/.test(t))).toBe(true);
  });

  it('switches to an events preset once the engine has loaded; the article alone needs none of it', async () => {
    const page = await fresh();
    const store = page.createAppStore({ loadEvents: page.loadClusterEvents });
    expect(store.getState().loadPreset('hairpin')).toBe(true);
    expect(page.engine.hasClusterEvents()).toBe(false);
    const loading = store.getState().loadPreset('service-recreated');
    expect(loading).toMatchObject({ ok: 'pending' });
    expect(store.getState().presetName).toBe('hairpin');
    await vi.waitFor(() => expect(store.getState().presetName).toBe('service-recreated'));
    expect(store.getState().simulationError).toBeNull();
    expect((await controlPlaneText(page, store)).length).toBeGreaterThan(0);
  });

  it('keeps the scenario on screen and says why when the engine cannot be loaded, and loads it on the next try', async () => {
    // The chunk's fetch fails while offline (src/index.ts re-exports it too: only the page's loader reads it).
    let offline = true;
    vi.doMock(BACKEND, async (importOriginal) => {
      const real = await importOriginal<typeof BackendModule>();
      return {
        get clusterEventsBackend() {
          if (offline) throw new Error('Failed to fetch dynamically imported module');
          return real.clusterEventsBackend;
        },
      };
    });
    const page = await fresh();
    const store = page.createAppStore({ loadEvents: page.loadClusterEvents });
    store.getState().loadPreset('pod-churn');
    await vi.waitFor(() => expect(store.getState().simulationError).toMatch(/Failed to fetch/));
    expect(store.getState().presetName).toBe('article');
    expect(page.engine.hasClusterEvents()).toBe(false);
    offline = false;
    store.getState().loadPreset('pod-churn');
    await vi.waitFor(() => expect(store.getState().presetName).toBe('pod-churn'));
    expect(store.getState().simulationError).toBeNull();
  });

  it('loads the engine with the scenario reader: a custom scenario with events is checked and simulated at once', async () => {
    const page = await fresh();
    const store = page.createAppStore({ loadEvents: page.loadClusterEvents });
    await page.loadScenarioIo();
    expect(page.engine.hasClusterEvents()).toBe(true);
    const loaded = store.getState().loadScenario({ ...PRESETS['not-ready']!, name: 'my churn' });
    expect(loaded.ok).toBe(true);
    expect((await controlPlaneText(page, store)).length).toBeGreaterThan(0);
  });

  it("holds a background run's trace with events back until the engine is here to narrate it", async () => {
    const page = await fresh();
    const worker = await import('../../src/index');
    const scenario = worker.presetScenario('pod-churn')!;
    let finish!: () => void;
    const background = page.withClusterEvents(() => ({
      result: new Promise((resolve) => (finish = () => resolve({ ok: true, scenario, trace: { steps: [] } as never }))),
      cancel: () => undefined,
    }));
    // A file's text: whether it has events is known once the worker has read it.
    const running = background({ input: '{}', textLimit: 100 }, () => undefined);
    expect(page.engine.hasClusterEvents()).toBe(false);
    finish();
    await running.result;
    expect(page.engine.hasClusterEvents()).toBe(true);
  });
});
