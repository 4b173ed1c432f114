import { useAppStore } from '../store/StoreProvider';
import { selectPods, selectScenario } from '../store/selectors';
import { AddPodForm } from './AddPodForm';
import { removePod, setPodReady } from './edits';
import { EditorSection } from './EditorSection';
import { formatLabels } from './labels-text';
import { PodLabelsForm } from './PodLabelsForm';
import { ScaleForm } from './ScaleForm';
import { scenarioKey } from './scenario-key';
import { useCommit } from './useCommit';
import { useEditorStrings } from './useEditorStrings';

/** The pods: node, labels and readiness; forms to add one, relabel one and scale a group. */
export function PodsSection() {
  const t = useEditorStrings();
  const commit = useCommit();
  const pods = useAppStore(selectPods);
  const key = scenarioKey(useAppStore(selectScenario));
  return (
    <EditorSection title={t.pods} name="pods">
      <ul className="pw-edit-list">
        {pods.map((p) => (
          <li key={`${p.namespace ?? 'default'}/${p.name}`} data-id={`editor-pod-${p.name}`}>
            <span className="pw-edit-name">{p.name}</span>
            <span className="pw-edit-meta">
              {p.node} · <code>{formatLabels(p.labels) || t.none}</code>
            </span>
            <label className="pw-edit-check">
              <input
                type="checkbox"
                checked={p.ready ?? true}
                aria-label={t.readyOf(p.name)}
                onChange={(e) => commit((base) => setPodReady(base, p.name, e.target.checked))}
              />
              <span aria-hidden="true">{t.ready}</span>
            </label>
            <button
              type="button"
              className="pw-edit-remove"
              aria-label={t.remove(p.name)}
              onClick={() => commit((base) => removePod(base, p.name))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <AddPodForm key={`add-${key}`} />
      <PodLabelsForm key={`labels-${key}`} />
      <ScaleForm key={`scale-${key}`} />
    </EditorSection>
  );
}
