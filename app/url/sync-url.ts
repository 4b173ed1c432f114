import type { AppStore } from '../store/create-app-store';
import type { AppState } from '../store/types';
import { presetScenario } from '../../src/index';
import { applyUrlStep, readUrl, writeUrl } from './url-state';

/** The slice of the window that URL sync needs, injectable for tests. */
export interface UrlHost {
  readonly location: { readonly search: string; readonly pathname: string };
  readonly history: { pushState(data: unknown, unused: string, url: string): void; replaceState(data: unknown, unused: string, url: string): void };
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

const identity = (s: AppState) => `${s.presetName}|${s.trace.seed}|${s.view}|${s.mode}|${s.scheduler}`;

/**
 * Keeps the address bar equal to what is on screen. A new step (or language)
 * replaces the history entry; a new preset or view pushes one, so Back
 * returns to it. Back and Forward re-open the frame their URL names.
 */
export function syncUrl(store: AppStore, host: UrlHost): () => void {
  let last = identity(store.getState());
  const write = (state: AppState) => {
    const search = writeUrl(state);
    if (search === host.location.search) return;
    const url = `${host.location.pathname}${search}`;
    if (identity(state) !== last) host.history.pushState(null, '', url);
    else host.history.replaceState(null, '', url);
    last = identity(state);
  };
  write(store.getState());
  const unsubscribe = store.subscribe(write);
  const onPop = () => {
    const request = readUrl(host.location.search);
    const state = store.getState();
    const seed = request.seed ?? presetScenario(request.preset)?.seed;
    if (request.preset !== state.presetName || seed !== state.trace.seed) state.loadPreset(request.preset, request.seed);
    store.getState().setLang(request.lang);
    store.getState().setMode(request.mode);
    store.getState().setScheduler(request.scheduler);
    store.getState().setView(request.view);
    applyUrlStep(store, { ...request, alerts: [] });
    last = identity(store.getState());
  };
  host.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    host.removeEventListener('popstate', onPop);
  };
}
