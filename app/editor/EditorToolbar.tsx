import { useAppStore } from '../store/StoreProvider';
import {
  selectCanRedo,
  selectCanUndo,
  selectRedo,
  selectResetPreset,
  selectResetToPreset,
  selectRollAgain,
  selectSeed,
  selectUndo,
} from '../store/selectors';
import { useEditorStrings } from './useEditorStrings';

/** Undo, redo, a new seed, and the way back to the preset the scenario started from. */
export function EditorToolbar() {
  const t = useEditorStrings();
  const canUndo = useAppStore(selectCanUndo);
  const canRedo = useAppStore(selectCanRedo);
  const seed = useAppStore(selectSeed);
  const preset = useAppStore(selectResetPreset);
  const undo = useAppStore(selectUndo);
  const redo = useAppStore(selectRedo);
  const rollAgain = useAppStore(selectRollAgain);
  const resetToPreset = useAppStore(selectResetToPreset);
  return (
    <div className="pw-editor-toolbar" role="group" aria-label={t.toolbar} data-id="editor-toolbar">
      <button type="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z Meta+Z">
        {t.undo}
      </button>
      <button type="button" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z">
        {t.redo}
      </button>
      <button type="button" onClick={rollAgain}>
        {t.rollAgain}
      </button>
      <span className="pw-editor-seed" data-id="editor-seed">
        {t.seed(seed)}
      </span>
      <button type="button" onClick={resetToPreset} disabled={preset === null}>
        {preset === null ? t.resetUnavailable : t.resetToPreset(preset)}
      </button>
    </div>
  );
}
