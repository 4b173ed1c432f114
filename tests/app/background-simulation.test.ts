import { describe, expect, it, vi } from 'vitest';
import { encodeScenario, PRESETS, presetScenario, simulate, type ScenarioInput, type SimulateProgress } from '../../src/index';
import type { BackgroundSimulator, SimulationJob, SimulationOutcome } from '../../app/store/background-simulator';
import { whenLoaded } from '../../app/store/background-simulator';
import { createAppStore } from '../../app/store/create-app-store';
import { BACKGROUND_MIN_OBJECTS } from '../../app/store/needs-background';
import { runSimulationJob } from '../../app/worker/simulation-job';
import { openFromUrl, writeUrl } from '../../app/url/url-state';

/** A background simulator the test drives by hand: each job waits until the test finishes, fails or forgets it. */
function fakeBackground() {
  const jobs: {
    job: SimulationJob;
    progress: (p: SimulateProgress) => void;
    finish: (outcome?: SimulationOutcome) => void;
    fail: (message: string) => void;
    cancel: ReturnType<typeof vi.fn>;
  }[] = [];
  const background: BackgroundSimulator = (job, progress) => {
    let resolve!: (o: SimulationOutcome) => void;
    let reject!: (e: Error) => void;
    const result = new Promise<SimulationOutcome>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const cancel = vi.fn();
    // The worker's own work, done here when the test says so: what it would post back.
    jobs.push({ job, progress, finish: (outcome) => resolve(outcome ?? runSimulationJob(job)), fail: (m) => reject(new Error(m)), cancel });
    return { result, cancel };
  };
  return { background, jobs };
}

/** The article's cluster with enough Services to go to the background (the scale preset's size stays on this thread). */
function bigScenario(name = 'big'): ScenarioInput {
  const article = PRESETS.article!;
  const services = Array.from({ length: BACKGROUND_MIN_OBJECTS }, (_, i) => ({
    name: `svc${i + 1}`,
    selector: { app: 'web' },
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
  }));
  return {
    ...article,
    name,
    cluster: { ...article.cluster, services },
    traffic: [{ from: 'pod1', to: `svc${services.length}`, port: 80 }],
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('loadScenario with a background simulator', () => {
  it('keeps the scenario on screen while a big one is simulated, then shows the same trace the main thread computes', async () => {
    const { background, jobs } = fakeBackground();
    const store = createAppStore({ preset: 'hairpin', background });
    store.getState().seek(3);
    const before = store.getState().trace;
    const result = store.getState().loadScenario(bigScenario());
    expect(result.ok).toBe('pending');
    expect(jobs).toHaveLength(1);
    expect(store.getState()).toMatchObject({ trace: before, presetName: 'hairpin', cursor: { step: 3 } });
    expect(store.getState().simulation).toEqual({ purpose: 'scenario', mode: 'iptables', scheduler: 'rr', done: 0, total: 0 });

    jobs[0]!.progress({ done: 1, total: 3 });
    expect(store.getState().simulation).toMatchObject({ done: 1, total: 3 });
    // Still usable meanwhile: stepping moves the old trace.
    store.getState().stepForward();
    expect(store.getState().cursor.step).toBe(4);

    jobs[0]!.finish();
    const settled = result.ok === 'pending' ? await result.settled : null;
    expect(settled?.ok).toBe(true);
    const s = store.getState();
    expect(s.simulation).toBeNull();
    expect(s.presetName).toBeNull();
    expect(s.scenario.name).toBe('big');
    expect(s.cursor.step).toBe(0);
    expect(s.trace).toEqual(simulate(s.scenario, { mode: 'iptables', scheduler: 'rr' }));
  });

  it('changes nothing on Cancel, and tells the waiting caller so', async () => {
    const { background, jobs } = fakeBackground();
    const store = createAppStore({ background });
    const before = store.getState().trace;
    const result = store.getState().loadScenario(bigScenario());
    store.getState().cancelSimulation();
    expect(jobs[0]!.cancel).toHaveBeenCalledOnce();
    expect(store.getState().simulation).toBeNull();
    expect(result.ok === 'pending' ? await result.settled : 'not pending').toBeNull();
    jobs[0]!.finish(); // a result that still arrives is ignored
    await flush();
    expect(store.getState().trace).toBe(before);
    expect(store.getState().presetName).toBe('article');
  });

  it('keeps the last good state and says why when the simulation fails', async () => {
    const { background, jobs } = fakeBackground();
    const store = createAppStore({ preset: 'pod-churn', background });
    const before = store.getState().trace;
    const result = store.getState().loadScenario(bigScenario());
    jobs[0]!.fail('out of memory');
    expect(result.ok === 'pending' ? await result.settled : 'not pending').toBeNull();
    expect(store.getState()).toMatchObject({ trace: before, presetName: 'pod-churn', simulation: null, simulationError: 'out of memory' });
    store.getState().dismissSimulationError();
    expect(store.getState().simulationError).toBeNull();
  });

  it('returns a big scenario’s errors when it is invalid, and changes nothing', async () => {
    const { background, jobs } = fakeBackground();
    const store = createAppStore({ background });
    const bad = bigScenario();
    const result = store.getState().loadScenario({ ...bad, traffic: [{ from: 'nobody', to: 'svc1', port: 80 }] });
    jobs[0]!.finish();
    const settled = result.ok === 'pending' ? await result.settled : null;
    expect(settled?.ok).toBe(false);
    expect(store.getState().presetName).toBe('article');
    expect(store.getState().simulation).toBeNull();
  });

  it('simulates a small scenario at once, as without a background simulator', () => {
    const { background, jobs } = fakeBackground();
    const store = createAppStore({ background });
    const result = store.getState().loadScenario({ ...PRESETS.scale!, name: 'mine' });
    expect(result.ok).toBe(true);
    expect(jobs).toHaveLength(0);
    expect(store.getState().trace.scenarioName).toBe('mine');
  });

  it('lets a newer request replace a pending one: the first caller hears null, the newer one lands', async () => {
    const { background, jobs } = fakeBackground();
    const store = createAppStore({ background });
    const first = store.getState().loadScenario(bigScenario('first'));
    const second = store.getState().loadScenario(bigScenario('second'));
    expect(jobs[0]!.cancel).toHaveBeenCalledOnce();
    expect(first.ok === 'pending' ? await first.settled : 'not pending').toBeNull();
    jobs[1]!.finish();
    expect((second.ok === 'pending' ? await second.settled : null)?.ok).toBe(true);
    expect(store.getState().scenario.name).toBe('second');
  });

  it('opens a file in its own mode and scheduler (ownMode)', async () => {
    const { background, jobs } = fakeBackground();
    const store = createAppStore({ background });
    const result = store.getState().loadScenario({ ...bigScenario(), mode: 'ipvs', scheduler: 'wlc' }, { ownMode: true });
    expect([jobs[0]!.job.mode, jobs[0]!.job.scheduler]).toEqual([undefined, undefined]);
    jobs[0]!.finish();
    if (result.ok === 'pending') await result.settled;
    expect(store.getState()).toMatchObject({ mode: 'ipvs', scheduler: 'wlc' });
    expect(store.getState().trace).toMatchObject({ mode: 'ipvs', scheduler: 'wlc' });
  });
});

describe('loadScenario of a file’s text (textLimit)', () => {
  it('sends a long text to the background unread, where it is parsed, checked and simulated', async () => {
    const { background, jobs } = fakeBackground();
    const store = createAppStore({ background });
    const text = JSON.stringify(bigScenario('from a file'), null, 2);
    const result = store.getState().loadScenario(text, { ownMode: true, textLimit: 1024 * 1024 });
    // Not a preset: its `s=` link is encoded in the background too.
    expect(jobs[0]!.job).toEqual({ input: text, textLimit: 1024 * 1024, link: true });
    jobs[0]!.finish();
    expect((result.ok === 'pending' ? await result.settled : null)?.ok).toBe(true);
    expect(store.getState().scenario.name).toBe('from a file');
  });

  it("takes a custom scenario's s= link from the background, where it was encoded, and asks none for a preset", async () => {
    const { background, jobs } = fakeBackground();
    const store = createAppStore({ background });
    const result = store.getState().loadScenario(bigScenario('linked'), { ownMode: true });
    const outcome = runSimulationJob(jobs[0]!.job);
    expect(outcome.ok && outcome.link).toBe(outcome.ok && encodeScenario(outcome.scenario));
    // The background's answer, marked: the URL carries it as it came, not one encoded again here.
    jobs[0]!.finish({ ...outcome, link: 'from-the-worker' } as SimulationOutcome);
    expect((result.ok === 'pending' ? await result.settled : null)?.ok).toBe(true);
    expect(writeUrl(store.getState())).toMatch(/^\?s=from-the-worker&view=/);
    store.getState().loadPreset('large');
    expect(jobs[1]!.job.link).toBeUndefined();
  });

  it('says what is wrong with a long text that is not a scenario, from the background', async () => {
    const { background, jobs } = fakeBackground();
    const store = createAppStore({ background });
    const result = store.getState().loadScenario(`${'{'.repeat(200_000)}`, { textLimit: 1024 * 1024 });
    jobs[0]!.finish();
    const settled = result.ok === 'pending' ? await result.settled : null;
    expect(settled?.ok === false && settled.errors[0]!.message).toContain('is not valid JSON');
  });

  it('reads a short text here, and still sends a big scenario in it to the background', () => {
    const { background, jobs } = fakeBackground();
    const store = createAppStore({ background });
    expect(store.getState().loadScenario('{', { textLimit: 100 }).ok).toBe(false);
    const small = store.getState().loadScenario(JSON.stringify({ ...PRESETS.hairpin!, name: 'small' }), { textLimit: 100_000 });
    expect(small.ok).toBe(true);
    const compact = JSON.stringify(bigScenario());
    expect(compact.length).toBeLessThan(100_000);
    expect(store.getState().loadScenario(compact, { textLimit: 1024 * 1024 }).ok).toBe('pending');
    expect(jobs).toHaveLength(1);
  });
});

describe('setMode and setScheduler with a background simulator', () => {
  async function bigOnScreen() {
    const fake = fakeBackground();
    const store = createAppStore({ background: fake.background });
    const loaded = store.getState().loadScenario(bigScenario());
    fake.jobs[0]!.finish();
    if (loaded.ok === 'pending') await loaded.settled;
    return { store, ...fake };
  }

  it('re-simulates a big scenario in the background, keeping the step, and switches mode when it lands', async () => {
    const { store, jobs } = await bigOnScreen();
    store.getState().seek(5);
    const seed = store.getState().trace.seed;
    store.getState().setMode('ipvs');
    expect(store.getState().mode).toBe('iptables');
    expect(store.getState().simulation).toMatchObject({ purpose: 'mode', mode: 'ipvs' });
    expect(jobs[1]!.job).toMatchObject({ mode: 'ipvs', scheduler: 'rr', seed });
    jobs[1]!.finish();
    await flush();
    expect(store.getState()).toMatchObject({ mode: 'ipvs', cursor: { step: 5 }, simulation: null });
    expect(store.getState().trace.mode).toBe('ipvs');
  });

  it('redoes a pending load in the mode chosen meanwhile, and answers its caller with that', async () => {
    const { background, jobs } = fakeBackground();
    const store = createAppStore({ background });
    const result = store.getState().loadScenario(bigScenario());
    store.getState().setMode('ipvs');
    store.getState().setScheduler('sh');
    expect(jobs).toHaveLength(3);
    expect(jobs[2]!.job).toMatchObject({ mode: 'ipvs', scheduler: 'sh' });
    expect(store.getState().simulation?.purpose).toBe('scenario');
    jobs[2]!.finish();
    expect((result.ok === 'pending' ? await result.settled : null)?.ok).toBe(true);
    expect(store.getState()).toMatchObject({ presetName: null, mode: 'ipvs', scheduler: 'sh' });
    expect(store.getState().trace.scheduler).toBe('sh');
  });

  it('cancels a pending run when a preset is opened', () => {
    const { background, jobs } = fakeBackground();
    const store = createAppStore({ background });
    store.getState().loadScenario(bigScenario());
    store.getState().loadPreset('hairpin');
    expect(jobs[0]!.cancel).toHaveBeenCalledOnce();
    expect(store.getState()).toMatchObject({ presetName: 'hairpin', simulation: null });
  });
});

describe('the editor with a big scenario', () => {
  it('records an edit in the history when its simulation lands, and undo goes back through the background too', async () => {
    const { background, jobs } = fakeBackground();
    const store = createAppStore({ background });
    const edit = store.getState().commitEdit(bigScenario('edited'));
    expect(store.getState().editor.past).toHaveLength(0);
    jobs[0]!.finish();
    if (edit.ok === 'pending') await edit.settled;
    expect(store.getState().editor.past).toHaveLength(1);
    expect(store.getState().scenario.name).toBe('edited');
    store.getState().undo();
    expect(store.getState().presetName).toBe('article');
    expect(store.getState().editor.future).toHaveLength(1);
  });

  it('whenLoaded calls back at once for a result that is known', () => {
    const seen: boolean[] = [];
    whenLoaded({ ok: true, scenario: presetScenario('article')! }, (r) => seen.push(r.ok));
    expect(seen).toEqual([true]);
  });
});

describe('the large preset, simulated in the background', () => {
  it('opens ?preset=large on the article first, then shows large at the URL’s step when the worker’s trace lands', async () => {
    const { background, jobs } = fakeBackground();
    const store = openFromUrl('?preset=large&step=12&lang=en', (options) => createAppStore({ ...options, background }));
    // The first paint does not wait for 4,000 objects to be parsed and simulated.
    expect(store.getState()).toMatchObject({ presetName: 'article', simulation: { purpose: 'scenario' } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.job).toMatchObject({ input: PRESETS.large, mode: 'iptables' });
    jobs[0]!.finish();
    await flush();
    expect(store.getState()).toMatchObject({ presetName: 'large', simulation: null, cursor: { step: 11 } });
    expect(store.getState().trace.scenarioName).toBe('large');
    expect(writeUrl(store.getState())).toBe('?preset=large&view=cluster&step=12&lang=en');
  }, 30_000);

  it('picks large in the background and leaves the scenario on screen when cancelled', async () => {
    const { background, jobs } = fakeBackground();
    const store = createAppStore({ preset: 'scale', background });
    store.getState().seek(4);
    const before = store.getState().trace;
    const loaded = store.getState().loadPreset('large');
    expect(loaded).toMatchObject({ ok: 'pending' });
    expect(store.getState()).toMatchObject({ trace: before, presetName: 'scale', cursor: { step: 4 } });
    store.getState().cancelSimulation();
    expect(typeof loaded === 'object' ? await loaded.settled : 'not pending').toBeNull();
    expect(jobs[0]!.cancel).toHaveBeenCalledOnce();
    expect(store.getState()).toMatchObject({ trace: before, presetName: 'scale', simulation: null });
  });
});
