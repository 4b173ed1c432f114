import { useCallback } from 'react';
import type { ScenarioError, ScenarioInput } from '../../src/index';
import { useAppStoreApi } from '../store/StoreProvider';
import { editableScenario } from './editable-scenario';

/** What a form's submit hands over: the edit to apply, or errors found before it could build one. */
export type EditResult = ScenarioInput | { readonly errors: readonly ScenarioError[] };

/**
 * Applies an edit to the scenario on screen through the store's `commitEdit`
 * (validated; refused edits leave the page as it was). True when it went through
 * (or, for a big scenario, is being simulated).
 */
export function useCommit(): (edit: (base: ScenarioInput) => EditResult) => boolean {
  const store = useAppStoreApi();
  return useCallback(
    (edit) => {
      const next = edit(editableScenario(store.getState()));
      if ('errors' in next) {
        store.getState().setEditorErrors(next.errors);
        return false;
      }
      // A big scenario's edit is pending while it is simulated: it went through so far.
      return store.getState().commitEdit(next).ok !== false;
    },
    [store],
  );
}
