import type { ScenarioError } from '../../src/index';
import { useAppStore } from '../store/StoreProvider';
import { selectEditorErrors, selectRestoreErrors, selectSetRestoreErrors } from '../store/selectors';
import { useEditorStrings } from './useEditorStrings';

/** "path: message", as the validation reports it; user text stays text (React escapes it). */
const line = (e: ScenarioError) => (e.path === '' ? e.message : `${e.path}: ${e.message}`);

interface ErrorListProps {
  readonly title: string;
  readonly errors: readonly ScenarioError[];
  readonly name: string;
  readonly onDismiss?: { readonly label: string; readonly run: () => void };
}

function ErrorList({ title, errors, name, onDismiss }: ErrorListProps) {
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
      {onDismiss && (
        <button type="button" onClick={onDismiss.run}>
          {onDismiss.label}
        </button>
      )}
    </div>
  );
}

/** Why the last edit was refused (kept in sight in the editor's sticky head). */
export function EditorErrors() {
  const t = useEditorStrings();
  const errors = useAppStore(selectEditorErrors);
  return errors.length > 0 ? <ErrorList title={t.errorsTitle} errors={errors} name="editor-errors" /> : null;
}

/** Why the scenario saved by an earlier visit was ignored, until dismissed. */
export function RestoreErrors() {
  const t = useEditorStrings();
  const errors = useAppStore(selectRestoreErrors);
  const setRestoreErrors = useAppStore(selectSetRestoreErrors);
  if (!errors) return null;
  return (
    <ErrorList
      title={t.restoreFailed}
      errors={errors}
      name="editor-restore-errors"
      onDismiss={{ label: t.dismiss, run: () => setRestoreErrors(null) }}
    />
  );
}
