import type { AppStore } from '../store/create-app-store';
import type { AppState } from '../store/types';
import type { LoadResult } from '../store/background-simulator';
import { loadScenarioIo, scenarioIo } from './load-scenario-io';
import { openLinkScenario, sameLink } from './scenario-link';
import { applyUrlStep, presetSeed, readUrl, urlWriter, writeUrl } from './url-state';

/** The slice of the window that URL sync needs, injectable for tests. */
export interface UrlHost {
  readonly location: { readonly search: string; readonly pathname: string };
  readonly history: {
    pushState(data: unknown, unused: string, url: string): void;
    replaceState(data: unknown, unused: string, url: string): void;
  };
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

const identity = (s: AppState) => `${s.presetName}|${s.trace.seed}|${s.view}|${s.mode}|${s.scheduler}`;

/**
 * Keeps the address bar equal to what is on screen. A new step (or language)
 * replaces the history entry; a new preset, scenario or view pushes one, so
 * Back returns to it. Back and Forward re-open the frame their URL names.
 * An embedded page (`embed=1`) keeps the flag in every URL it writes.
 */
export function syncUrl(store: AppStore, host: UrlHost): () => void {
  const embed = readUrl(host.location.search).embed;
  let last = identity(store.getState());
  // A custom scenario is told apart by identity: every new one (a link, a file, an edit) is a new entry.
  let lastScenario = store.getState().scenario;
  // While Back or Forward re-opens a frame, the store passes through states that are no history entry.
  let restoring = false;
  const toUrl = urlWriter({ embed });
  const write = (state: AppState) => {
    if (restoring) return;
    const search = toUrl(state);
    if (search === host.location.search) return;
    const url = `${host.location.pathname}${search}`;
    if (identity(state) !== last || state.scenario !== lastScenario) host.history.pushState(null, '', url);
    else host.history.replaceState(null, '', url);
    last = identity(state);
    lastScenario = state.scenario;
  };
  write(store.getState());
  const unsubscribe = store.subscribe(write);
  /** After Back or Forward: the entry stays where it is in the history; only what could not be used is corrected in place. */
  const settle = () => {
    restoring = false;
    last = identity(store.getState());
    lastScenario = store.getState().scenario;
    const search = writeUrl(store.getState(), { embed });
    if (search !== host.location.search) host.history.replaceState(null, '', `${host.location.pathname}${search}`);
  };
  const restore = () => {
    const request = readUrl(host.location.search);
    const state = store.getState();
    const seed = request.seed ?? presetSeed(request.preset);
    let opened: LoadResult | null = null;
    restoring = true;
    try {
      if (request.scenario !== null) {
        if (state.presetName !== null || !sameLink(request.scenario, state.scenario)) opened = openLinkScenario(store, request.scenario);
      } else if (request.preset !== state.presetName || seed !== state.trace.seed) {
        const loaded = state.loadPreset(request.preset, request.seed);
        if (typeof loaded !== 'boolean') opened = loaded;
      }
      store.getState().setLang(request.lang);
      store.getState().setMode(request.mode);
      store.getState().setScheduler(request.scheduler);
      store.getState().setView(request.view);
      store.getState().setPresent(request.present);
      store.getState().setTheme(request.theme);
      if (opened?.ok !== 'pending') applyUrlStep(store, { ...request, alerts: [] });
    } catch (e) {
      restoring = false;
      throw e;
    }
    if (opened?.ok !== 'pending') return settle();
    // A big scenario is simulated in the background: the entry is settled when it lands (or is cancelled).
    void opened.settled.then((result) => {
      if (result?.ok) applyUrlStep(store, { ...request, alerts: [] });
      settle();
    });
  };
  const onPop = () => {
    // An entry with a link's scenario needs the reader's chunk (loaded by whatever made that
    // scenario, but maybe not since a reload): the frame follows once it has loaded, or the link's alert says it could not.
    if (readUrl(host.location.search).scenario !== null && scenarioIo() === null) void loadScenarioIo().then(restore, restore);
    else restore();
  };
  host.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    host.removeEventListener('popstate', onPop);
  };
}
