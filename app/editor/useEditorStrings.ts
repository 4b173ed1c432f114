import { editorStrings, type EditorStrings } from '../i18n/editor-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectLang } from '../store/selectors';

/** The editor's labels in the store's language. */
export function useEditorStrings(): EditorStrings {
  return editorStrings[useAppStore(selectLang)];
}
