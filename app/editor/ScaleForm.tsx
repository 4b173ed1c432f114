import { useState, type FormEvent } from 'react';
import { useAppStore } from '../store/StoreProvider';
import { selectPods, selectServices } from '../store/selectors';
import { scaleGroup } from './edits';
import { Field } from './Field';
import { formatLabels, matchesSelector, parseLabels } from './labels-text';
import { useCommit } from './useCommit';
import { useEditorStrings } from './useEditorStrings';

/** Scales the pods a selector picks to N replicas (new ones spread over the nodes, see scaleGroup). */
export function ScaleForm() {
  const t = useEditorStrings();
  const commit = useCommit();
  const pods = useAppStore(selectPods);
  const services = useAppStore(selectServices);
  const [selector, setSelector] = useState(() => formatLabels(services[0]?.selector));
  const parsed = parseLabels(selector);
  const matching = parsed.ok ? pods.filter((p) => matchesSelector(p.labels, parsed.labels)).length : 0;
  const [replicas, setReplicas] = useState(() => String(matching));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    commit((base) => {
      if (!parsed.ok) return { errors: [{ path: 'selector', message: parsed.message }] };
      if (Object.keys(parsed.labels).length === 0) return { errors: [{ path: 'selector', message: t.selectorRequired }] };
      const n = Number(replicas);
      if (!Number.isInteger(n) || n < 0 || n > 500) return { errors: [{ path: 'replicas', message: t.replicasRange }] };
      return scaleGroup(base, parsed.labels, n);
    });
  };
  return (
    <form className="pw-edit-form" onSubmit={submit} aria-label={t.scale} data-id="editor-scale">
      <h3 className="pw-edit-subtitle">{t.scale}</h3>
      <Field label={t.selector} hint={`${t.labelsHint} · ${t.podCount(matching)}`} wide>
        {(p) => <input {...p} value={selector} onChange={(e) => setSelector(e.target.value)} autoComplete="off" spellCheck={false} />}
      </Field>
      <Field label={t.replicas}>
        {(p) => <input {...p} type="number" min={0} max={500} value={replicas} onChange={(e) => setReplicas(e.target.value)} />}
      </Field>
      <button type="submit">{t.scaleButton}</button>
    </form>
  );
}
