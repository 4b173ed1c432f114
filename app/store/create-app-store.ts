import { immer } from 'zustand/middleware/immer';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createEditorSlice } from './editor-slice';
import { createPlaybackSlice } from './playback-slice';
import { createQuizSlice } from './quiz-slice';
import { createScenarioSlice, type ScenarioSliceOptions } from './scenario-slice';
import type { AppState } from './types';
import { createUiSlice, type UiSliceOptions } from './ui-slice';

export interface AppStoreOptions extends ScenarioSliceOptions, UiSliceOptions {
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
    immer((...a) => ({
      ...createScenarioSlice(options)(...a),
      ...createPlaybackSlice(...a),
      ...createUiSlice(options)(...a),
      ...createEditorSlice(...a),
      ...createQuizSlice(...a),
    })),
  );
  if (options.step !== undefined) store.getState().seek(options.step);
  return store;
}
