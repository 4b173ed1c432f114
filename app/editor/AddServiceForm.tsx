import { useState, type FormEvent } from 'react';
import { useAppStore } from '../store/StoreProvider';
import { selectServices } from '../store/selectors';
import { addService } from './edits';
import { Field } from './Field';
import { parseLabels } from './labels-text';
import { namePrefix } from './name-prefix';
import { nextName } from './names';
import { portOfDraft, type PortDraft } from './port-draft';
import { PortRows } from './PortRows';
import { useCommit } from './useCommit';
import { useEditorStrings } from './useEditorStrings';

/** A new Service with an automatic cluster IP (change it afterwards to fix one). */
export function AddServiceForm() {
  const t = useEditorStrings();
  const commit = useCommit();
  const services = useAppStore(selectServices);
  const names = services.map((s) => s.name);
  const [name, setName] = useState(() => nextName(namePrefix(names, 'svc'), names));
  const [selector, setSelector] = useState('app=web');
  const [ports, setPorts] = useState<readonly PortDraft[]>([
    { name: 'http', port: '80', targetPort: '8080', protocol: 'TCP', nodePort: '' },
  ]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    commit((base) => {
      const parsed = parseLabels(selector);
      if (!parsed.ok) return { errors: [{ path: 'selector', message: parsed.message }] };
      return addService(base, { name: name.trim(), selector: parsed.labels, ports: ports.map((p) => portOfDraft(p)) });
    });
  };
  return (
    <form className="pw-edit-form" onSubmit={submit} aria-label={t.addService} data-id="editor-add-service">
      <h3 className="pw-edit-subtitle">{t.addService}</h3>
      <Field label={t.name}>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" spellCheck={false} />}
      </Field>
      <Field label={t.selector} hint={t.labelsHint} wide>
        {(p) => <input {...p} value={selector} onChange={(e) => setSelector(e.target.value)} autoComplete="off" spellCheck={false} />}
      </Field>
      <PortRows ports={ports} onChange={setPorts} />
      <button type="submit">{t.addService}</button>
    </form>
  );
}
