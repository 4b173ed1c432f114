import { useState, type FormEvent } from 'react';
import { useAppStore } from '../store/StoreProvider';
import { selectNodes, selectPods, selectScenario } from '../store/selectors';
import { addNode, removeNode } from './edits';
import { EditorSection } from './EditorSection';
import { Field } from './Field';
import { namePrefix } from './name-prefix';
import { nextName } from './names';
import { nextNodeAddresses } from './node-addresses';
import { scenarioKey } from './scenario-key';
import { useCommit } from './useCommit';
import { useEditorStrings } from './useEditorStrings';

function AddNodeForm() {
  const t = useEditorStrings();
  const commit = useCommit();
  const nodes = useAppStore(selectNodes);
  const scenario = useAppStore(selectScenario);
  const names = nodes.map((n) => n.name);
  const [name, setName] = useState(() => nextName(namePrefix(names, 'node'), names));
  const next = nextNodeAddresses(scenario.cluster);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    commit((base) => addNode(base, { name: name.trim() }));
  };
  return (
    <form className="pw-edit-form" onSubmit={submit} aria-label={t.addNode}>
      <Field label={t.name} hint={t.nextAddresses(next.ip, next.podCIDR)} wide>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" spellCheck={false} />}
      </Field>
      <button type="submit">{t.addNode}</button>
    </form>
  );
}

/** The nodes, each with its addresses; removing one removes its pods too. */
export function NodesSection() {
  const t = useEditorStrings();
  const commit = useCommit();
  const nodes = useAppStore(selectNodes);
  const pods = useAppStore(selectPods);
  const scenario = useAppStore(selectScenario);
  return (
    <EditorSection title={t.nodes} name="nodes">
      <ul className="pw-edit-list">
        {nodes.map((n) => (
          <li key={n.name} data-id={`editor-node-${n.name}`}>
            <span className="pw-edit-name">{n.name}</span>
            <span className="pw-edit-meta">
              {t.nodeAddresses(n.ip, n.podCIDR)} · {t.podCount(pods.filter((p) => p.node === n.name).length)}
            </span>
            <button
              type="button"
              className="pw-edit-remove"
              aria-label={t.remove(n.name)}
              onClick={() => commit((base) => removeNode(base, n.name))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <AddNodeForm key={scenarioKey(scenario)} />
    </EditorSection>
  );
}
