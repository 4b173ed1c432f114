import { immer } from 'zustand/middleware/immer';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { IpvsScheduler, Lang, ProxyMode } from '../../src/index';
import { createEditorSlice } from './editor-slice';
import { createPlaybackSlice } from './playback-slice';
import { createScenarioSlice } from './scenario-slice';
import type { AppState, SetState, View } from './types';
import { createUiSlice } from './ui-slice';

export interface AppStoreOptions {
  readonly preset?: string;
  readonly seed?: number;
  readonly mode?: ProxyMode;
  readonly scheduler?: IpvsScheduler;
  readonly view?: View;
  readonly lang?: Lang;
  /** Presenter mode. */
  readonly present?: boolean;
  /** Trace step to open on (clamped). */
  readonly step?: number;
}

export type AppStore = StoreApi<AppState>;

/**
 * The one store: scenario, playback, ui and editor slices combined once with the immer
 * middleware. A factory, so every test and every page load gets its own.
 */
export function createAppStore(options: AppStoreOptions = {}): AppStore {
  const store = createStore<AppState>()(
    immer((set, get) => {
      const setState = set as unknown as SetState;
      return {
        ...createScenarioSlice(setState, get, options.preset ?? 'article', options.seed, options.mode, options.scheduler),
        ...createPlaybackSlice(setState, get),
        ...createUiSlice(setState, get, options.view ?? 'cluster', options.lang ?? 'en', options.present ?? false),
        ...createEditorSlice(setState, get),
      };
    }),
  );
  if (options.step !== undefined) store.getState().seek(options.step);
  return store;
}
