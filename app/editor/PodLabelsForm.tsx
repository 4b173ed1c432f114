import { useState, type FormEvent } from 'react';
import { useAppStore } from '../store/StoreProvider';
import { selectPods } from '../store/selectors';
import { setPodLabels } from './edits';
import { Field } from './Field';
import { formatLabels, parseLabels } from './labels-text';
import { useCommit } from './useCommit';
import { useEditorStrings } from './useEditorStrings';

/** Relabels one pod: the Services whose selector it then matches (or no longer matches) follow. */
export function PodLabelsForm() {
  const t = useEditorStrings();
  const commit = useCommit();
  const pods = useAppStore(selectPods);
  const [pod, setPod] = useState(() => pods[0]?.name ?? '');
  const [labels, setLabels] = useState(() => formatLabels(pods[0]?.labels));
  if (pods.length === 0) return null;
  const choose = (name: string) => {
    setPod(name);
    setLabels(formatLabels(pods.find((p) => p.name === name)?.labels));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    commit((base) => {
      const parsed = parseLabels(labels);
      return parsed.ok ? setPodLabels(base, pod, parsed.labels) : { errors: [{ path: 'labels', message: parsed.message }] };
    });
  };
  return (
    <form className="pw-edit-form" onSubmit={submit} aria-label={t.editLabels}>
      <h3 className="pw-edit-subtitle">{t.editLabels}</h3>
      <Field label={t.pod}>
        {(p) => (
          <select {...p} value={pod} onChange={(e) => choose(e.target.value)}>
            {pods.map((q) => (
              <option key={q.name} value={q.name}>
                {q.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.labels} hint={t.labelsHint} wide>
        {(p) => <input {...p} value={labels} onChange={(e) => setLabels(e.target.value)} autoComplete="off" spellCheck={false} />}
      </Field>
      <button type="submit">{t.setLabels}</button>
    </form>
  );
}
