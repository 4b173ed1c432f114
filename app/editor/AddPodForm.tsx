import { useState, type FormEvent } from 'react';
import { useAppStore } from '../store/StoreProvider';
import { selectNodes, selectPods, selectScenario } from '../store/selectors';
import { addPod, podNamesInUse, type PodInput } from './edits';
import { Field } from './Field';
import { parseLabels } from './labels-text';
import { namePrefix } from './name-prefix';
import { nextName } from './names';
import { useCommit } from './useCommit';
import { useEditorStrings } from './useEditorStrings';

/** A new pod: name, node, labels, readiness and one container port (named, so a Service can target it by name). */
export function AddPodForm() {
  const t = useEditorStrings();
  const commit = useCommit();
  const nodes = useAppStore(selectNodes);
  const pods = useAppStore(selectPods);
  const names = podNamesInUse(useAppStore(selectScenario));
  const template = pods[0]?.ports?.[0];
  const [name, setName] = useState(() => nextName(namePrefix(names, 'pod'), names));
  const [node, setNode] = useState(() => nodes[0]?.name ?? '');
  const [labels, setLabels] = useState('');
  const [ready, setReady] = useState(true);
  const [port, setPort] = useState(() => String(template?.containerPort ?? 8080));
  const [portName, setPortName] = useState(() => template?.name ?? 'http');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    commit((base) => {
      const parsed = parseLabels(labels);
      if (!parsed.ok) return { errors: [{ path: 'labels', message: parsed.message }] };
      const pod: PodInput = { name: name.trim(), node, labels: parsed.labels, ready };
      if (port.trim() !== '') pod.ports = [{ containerPort: Number(port), ...(portName.trim() === '' ? {} : { name: portName.trim() }) }];
      return addPod(base, pod);
    });
  };
  return (
    <form className="pw-edit-form" onSubmit={submit} aria-label={t.addPod} data-id="editor-add-pod">
      <h3 className="pw-edit-subtitle">{t.addPod}</h3>
      <Field label={t.name}>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" spellCheck={false} />}
      </Field>
      <Field label={t.node}>
        {(p) => (
          <select {...p} value={node} onChange={(e) => setNode(e.target.value)}>
            {nodes.map((n) => (
              <option key={n.name} value={n.name}>
                {n.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.containerPort}>
        {(p) => <input {...p} type="number" min={1} max={65535} value={port} onChange={(e) => setPort(e.target.value)} />}
      </Field>
      <Field label={t.labels} hint={t.labelsHint} wide>
        {(p) => (
          <input
            {...p}
            value={labels}
            onChange={(e) => setLabels(e.target.value)}
            placeholder="app=web"
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      <Field label={t.portName}>
        {(p) => <input {...p} value={portName} onChange={(e) => setPortName(e.target.value)} autoComplete="off" spellCheck={false} />}
      </Field>
      <label className="pw-edit-check">
        <input type="checkbox" checked={ready} onChange={(e) => setReady(e.target.checked)} />
        {t.ready}
      </label>
      <button type="submit">{t.addPod}</button>
    </form>
  );
}
