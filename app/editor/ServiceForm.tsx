import { useState, type FormEvent } from 'react';
import type { ScenarioInput } from '../../src/index';
import { useAppStore } from '../store/StoreProvider';
import { selectScenario, selectServices, selectTopology } from '../store/selectors';
import type { OutsideTopology } from '../../src/index';
import { setClusterIP, setServicePorts, setServiceSelector, setSessionAffinity, type ServiceInput, type SessionAffinity } from './edits';
import { exposureDraftOf, exposureFieldsShown, exposureOfDraft, type ExposureDraft } from './exposure-draft';
import { ExposureFields } from './ExposureFields';
import { Field } from './Field';
import { setServiceExposure } from './outside-edits';
import { formatLabels, parseLabels } from './labels-text';
import { portDraftOf, portOfDraft, type PortDraft } from './port-draft';
import { PortRows } from './PortRows';
import { scenarioKey } from './scenario-key';
import { useCommit } from './useCommit';
import { useEditorStrings } from './useEditorStrings';

const AFFINITIES: readonly SessionAffinity[] = ['None', 'ClientIP'];

type OutsideService = OutsideTopology['services'][number];

interface ServiceFieldsProps {
  readonly service: ServiceInput;
  readonly allocatedIp: string;
  /** What the engine allocated for it outside (node ports, health check port), when it is reachable from there. */
  readonly outside: OutsideService | undefined;
}

/** The draft of one Service: everything the form changes, applied together. */
function ServiceFields({ service, allocatedIp, outside }: ServiceFieldsProps) {
  const t = useEditorStrings();
  const commit = useCommit();
  const [selector, setSelector] = useState(() => formatLabels(service.selector));
  const [ports, setPorts] = useState<readonly PortDraft[]>(() => service.ports.map(portDraftOf));
  const [ipKind, setIpKind] = useState<'auto' | 'fixed'>(service.clusterIP === undefined ? 'auto' : 'fixed');
  const [fixedIp, setFixedIp] = useState(service.clusterIP ?? allocatedIp);
  const [affinity, setAffinity] = useState<SessionAffinity>(service.sessionAffinity ?? 'None');
  const [exposure, setExposure] = useState<ExposureDraft>(() => exposureDraftOf(service));
  const withNodePorts = exposureFieldsShown(exposure).nodePorts;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    commit((base) => {
      const parsed = parseLabels(selector);
      if (!parsed.ok) return { errors: [{ path: 'selector', message: parsed.message }] };
      const steps: ((s: ScenarioInput) => ScenarioInput)[] = [
        (s) => setServiceSelector(s, service.name, parsed.labels),
        (s) =>
          setServicePorts(
            s,
            service.name,
            ports.map((p) => portOfDraft(p, withNodePorts)),
          ),
        (s) => setClusterIP(s, service.name, ipKind === 'auto' ? { kind: 'auto' } : { kind: 'fixed', ip: fixedIp }),
        (s) => setSessionAffinity(s, service.name, affinity),
        (s) => setServiceExposure(s, service.name, exposureOfDraft(exposure, service)),
      ];
      return steps.reduce((s, step) => step(s), base);
    });
  };
  return (
    <form className="pw-edit-form" onSubmit={submit} aria-label={`${t.editService}: ${service.name}`}>
      <Field label={t.selector} hint={t.labelsHint} wide>
        {(p) => <input {...p} value={selector} onChange={(e) => setSelector(e.target.value)} autoComplete="off" spellCheck={false} />}
      </Field>
      <ExposureFields draft={exposure} onChange={setExposure} allocatedHealthCheck={outside?.healthCheckNodePort ?? undefined} />
      <PortRows
        ports={ports}
        onChange={setPorts}
        {...(withNodePorts ? { nodePorts: service.ports.map((_, i) => outside?.nodePorts[i]) } : {})}
      />
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

/** Picks a Service (the choice outlives edits) and edits its selector, ports, exposure, cluster IP and session affinity. */
export function ServiceForm() {
  const t = useEditorStrings();
  const services = useAppStore(selectServices);
  const topology = useAppStore(selectTopology);
  const key = scenarioKey(useAppStore(selectScenario));
  const [chosen, setChosen] = useState(() => services[0]?.name ?? '');
  const service = services.find((s) => s.name === chosen) ?? services[0];
  if (!service) return null;
  const same = (s: { readonly name: string; readonly namespace: string }) =>
    s.name === service.name && s.namespace === (service.namespace ?? 'default');
  const allocatedIp = topology.services.find(same)?.clusterIP ?? '';
  const outside = topology.outside?.services.find(same);
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
      <ServiceFields key={`${service.name}@${key}`} service={service} allocatedIp={allocatedIp} outside={outside} />
    </div>
  );
}
