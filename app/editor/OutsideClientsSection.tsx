import { useState, type FormEvent } from 'react';
import { useAppStore } from '../store/StoreProvider';
import { selectScenario } from '../store/selectors';
import { CLIENT_PLACES, clientOf, nextClientIp, placeOf, type ClientPlace } from './client-draft';
import { EditorSection } from './EditorSection';
import { Field } from './Field';
import { nextName } from './names';
import { addExternalClient, removeExternalClient } from './outside-edits';
import { scenarioKey } from './scenario-key';
import { useCommit } from './useCommit';
import { useEditorStrings } from './useEditorStrings';

/** A new client outside the cluster: its name, where it sits, its address (a free one offered, changing with the place). */
function AddClientForm() {
  const t = useEditorStrings();
  const commit = useCommit();
  const cluster = useAppStore(selectScenario).cluster;
  const names = [...cluster.nodes, ...cluster.pods, ...(cluster.externalClients ?? [])].map((x) => x.name);
  const [name, setName] = useState(() => nextName('client', names));
  const [place, setPlace] = useState<ClientPlace>('host');
  const [ip, setIp] = useState(() => nextClientIp(cluster, 'host'));
  const changePlace = (next: ClientPlace) => {
    // The offered address follows the place until the user types one.
    if (ip === nextClientIp(cluster, place)) setIp(nextClientIp(cluster, next));
    setPlace(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    commit((base) => addExternalClient(base, clientOf(name.trim(), place, ip)));
  };
  return (
    <form className="pw-edit-form" onSubmit={submit} aria-label={t.addClient} data-id="editor-add-client">
      <Field label={t.name}>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" spellCheck={false} />}
      </Field>
      <Field label={t.address}>
        {(p) => (
          <input {...p} value={ip} onChange={(e) => setIp(e.target.value)} inputMode="decimal" autoComplete="off" spellCheck={false} />
        )}
      </Field>
      <Field label={t.clientPlace} wide>
        {(p) => (
          <select {...p} value={place} onChange={(e) => changePlace(e.target.value as ClientPlace)}>
            {CLIENT_PLACES.map((v) => (
              <option key={v} value={v}>
                {t.clientPlaces[v]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit">{t.addClient}</button>
    </form>
  );
}

/** The clients outside the cluster (schema version 2): a host beside the nodes, or the internet behind a router or load balancer. */
export function OutsideClientsSection() {
  const t = useEditorStrings();
  const commit = useCommit();
  const scenario = useAppStore(selectScenario);
  const clients = scenario.cluster.externalClients ?? [];
  return (
    <EditorSection title={t.outsideClients} name="outside-clients">
      <ul className="pw-edit-list">
        {clients.map((c) => (
          <li key={c.name} data-id={`editor-client-${c.name}`}>
            <span className="pw-edit-name">{c.name}</span>
            <span className="pw-edit-meta">
              {c.ip} · {t.clientPlaces[placeOf(c)]}
            </span>
            <button
              type="button"
              className="pw-edit-remove"
              aria-label={t.remove(c.name)}
              onClick={() => commit((base) => removeExternalClient(base, c.name))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <AddClientForm key={scenarioKey(scenario)} />
    </EditorSection>
  );
}
