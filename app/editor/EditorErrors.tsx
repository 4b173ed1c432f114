import type { ScenarioError } from '../../src/index';
import { useAppStore } from '../store/StoreProvider';
import { selectEditorErrors, selectRestoreErrors } from '../store/selectors';
import { useEditorStrings } from './useEditorStrings';

/** "path: message", as the validation reports it; user text stays text (React escapes it). */
const line = (e: ScenarioError) => (e.path === '' ? e.message : `${e.path}: ${e.message}`);

function ErrorList({ title, errors, name }: { readonly title: string; readonly errors: readonly ScenarioError[]; readonly name: string }) {
  return (
    <div className="pw-editor-errors" role="alert" data-id={name}>
      <p>{title}</p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            <code>{line(e)}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Why the last edit was refused, and why a saved scenario could not be restored. */
export function EditorErrors() {
  const t = useEditorStrings();
  const errors = useAppStore(selectEditorErrors);
  const restoreErrors = useAppStore(selectRestoreErrors);
  return (
    <>
      {restoreErrors && <ErrorList title={t.restoreFailed} errors={restoreErrors} name="editor-restore-errors" />}
      {errors.length > 0 && <ErrorList title={t.errorsTitle} errors={errors} name="editor-errors" />}
    </>
  );
}
