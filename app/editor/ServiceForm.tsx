import { useState, type FormEvent } from 'react';
import type { ScenarioInput } from '../../src/index';
import { useAppStore } from '../store/StoreProvider';
import { selectScenario, selectServices, selectTopology } from '../store/selectors';
import { setClusterIP, setServicePorts, setServiceSelector, setSessionAffinity, type ServiceInput, type SessionAffinity } from './edits';
import { Field } from './Field';
import { formatLabels, parseLabels } from './labels-text';
import { portDraftOf, portOfDraft, type PortDraft } from './port-draft';
import { PortRows } from './PortRows';
import { scenarioKey } from './scenario-key';
import { useCommit } from './useCommit';
import { useEditorStrings } from './useEditorStrings';

const AFFINITIES: readonly SessionAffinity[] = ['None', 'ClientIP'];

/** The draft of one Service: everything the form changes, applied together. */
function ServiceFields({ service, allocatedIp }: { readonly service: ServiceInput; readonly allocatedIp: string }) {
  const t = useEditorStrings();
  const commit = useCommit();
  const [selector, setSelector] = useState(() => formatLabels(service.selector));
  const [ports, setPorts] = useState<readonly PortDraft[]>(() => service.ports.map(portDraftOf));
  const [ipKind, setIpKind] = useState<'auto' | 'fixed'>(service.clusterIP === undefined ? 'auto' : 'fixed');
  const [fixedIp, setFixedIp] = useState(service.clusterIP ?? allocatedIp);
  const [affinity, setAffinity] = useState<SessionAffinity>(service.sessionAffinity ?? 'None');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    commit((base) => {
      const parsed = parseLabels(selector);
      if (!parsed.ok) return { errors: [{ path: 'selector', message: parsed.message }] };
      const steps: ((s: ScenarioInput) => ScenarioInput)[] = [
        (s) => setServiceSelector(s, service.name, parsed.labels),
        (s) => setServicePorts(s, service.name, ports.map(portOfDraft)),
        (s) => setClusterIP(s, service.name, ipKind === 'auto' ? { kind: 'auto' } : { kind: 'fixed', ip: fixedIp }),
        (s) => setSessionAffinity(s, service.name, affinity),
      ];
      return steps.reduce((s, step) => step(s), base);
    });
  };
  return (
    <form className="pw-edit-form" onSubmit={submit} aria-label={`${t.editService}: ${service.name}`}>
      <Field label={t.selector} hint={t.labelsHint} wide>
        {(p) => <input {...p} value={selector} onChange={(e) => setSelector(e.target.value)} autoComplete="off" spellCheck={false} />}
      </Field>
      <PortRows ports={ports} onChange={setPorts} />
      <fieldset className="pw-edit-radios">
        <legend>{t.clusterIP}</legend>
        <label>
          <input type="radio" name={`ip-${service.name}`} checked={ipKind === 'auto'} onChange={() => setIpKind('auto')} />
          {t.clusterIpAuto}
        </label>
        <label>
          <input type="radio" name={`ip-${service.name}`} checked={ipKind === 'fixed'} onChange={() => setIpKind('fixed')} />
          {t.clusterIpFixed}
        </label>
        <Field label={t.fixedAddress}>
          {(p) => (
            <input
              {...p}
              value={fixedIp}
              onChange={(e) => {
                setFixedIp(e.target.value);
                setIpKind('fixed');
              }}
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
      </fieldset>
      <Field label={t.sessionAffinity}>
        {(p) => (
          <select {...p} value={affinity} onChange={(e) => setAffinity(e.target.value as SessionAffinity)}>
            {AFFINITIES.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit">{t.apply}</button>
    </form>
  );
}

/** Picks a Service (the choice outlives edits) and edits its selector, ports, cluster IP and session affinity. */
export function ServiceForm() {
  const t = useEditorStrings();
  const services = useAppStore(selectServices);
  const topology = useAppStore(selectTopology);
  const key = scenarioKey(useAppStore(selectScenario));
  const [chosen, setChosen] = useState(() => services[0]?.name ?? '');
  const service = services.find((s) => s.name === chosen) ?? services[0];
  if (!service) return null;
  const allocatedIp =
    topology.services.find((s) => s.name === service.name && s.namespace === (service.namespace ?? 'default'))?.clusterIP ?? '';
  return (
    <div className="pw-edit-subform" data-id="editor-edit-service">
      <h3 className="pw-edit-subtitle">{t.editService}</h3>
      <Field label={t.service}>
        {(p) => (
          <select {...p} value={service.name} onChange={(e) => setChosen(e.target.value)}>
            {services.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {/* A new draft for another Service, or once a change went through; a refused change keeps the draft. */}
      <ServiceFields key={`${service.name}@${key}`} service={service} allocatedIp={allocatedIp} />
    </div>
  );
}
