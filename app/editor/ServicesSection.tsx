import { useAppStore } from '../store/StoreProvider';
import { selectScenario, selectServices, selectTopology } from '../store/selectors';
import { AddServiceForm } from './AddServiceForm';
import { removeService } from './edits';
import { EditorSection } from './EditorSection';
import { formatLabels } from './labels-text';
import { scenarioKey } from './scenario-key';
import { ServiceForm } from './ServiceForm';
import { useCommit } from './useCommit';
import { useEditorStrings } from './useEditorStrings';

/** The Services: address, ports, selector, affinity and ready endpoints; forms to change one and add one. */
export function ServicesSection() {
  const t = useEditorStrings();
  const commit = useCommit();
  const services = useAppStore(selectServices);
  const topology = useAppStore(selectTopology);
  const key = scenarioKey(useAppStore(selectScenario));
  return (
    <EditorSection title={t.services} name="services">
      <ul className="pw-edit-list">
        {services.map((s) => {
          const live = topology.services.find((x) => x.name === s.name && x.namespace === (s.namespace ?? 'default'));
          const ip = s.clusterIP ?? `${live?.clusterIP ?? ''} (${t.automatic})`;
          const ports = s.ports.map((p) => `${p.port}→${p.targetPort ?? p.port}/${p.protocol ?? 'TCP'}`).join(', ');
          return (
            <li key={`${s.namespace ?? 'default'}/${s.name}`} data-id={`editor-service-${s.name}`}>
              <span className="pw-edit-name">{s.name}</span>
              <span className="pw-edit-meta">
                {ip} · {ports} · <code>{formatLabels(s.selector) || t.none}</code> · {s.sessionAffinity ?? 'None'} ·{' '}
                {t.endpoints(live?.endpoints.length ?? 0)}
              </span>
              <button
                type="button"
                className="pw-edit-remove"
                aria-label={t.remove(s.name)}
                onClick={() => commit((base) => removeService(base, s.name))}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <ServiceForm />
      <AddServiceForm key={`add-${key}`} />
    </EditorSection>
  );
}
