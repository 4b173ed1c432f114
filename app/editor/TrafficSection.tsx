import { useState, type FormEvent } from 'react';
import { useAppStore } from '../store/StoreProvider';
import { selectNodes, selectPods, selectScenario, selectServices, selectTraffic } from '../store/selectors';
import { setTraffic, type ConnectionInput } from './edits';
import { EditorSection } from './EditorSection';
import { Field } from './Field';
import { PROTOCOLS } from './port-draft';
import { scenarioKey } from './scenario-key';
import { useCommit } from './useCommit';
import { useEditorStrings } from './useEditorStrings';

interface ConnectionDraft {
  readonly from: string;
  readonly to: string;
  readonly port: string;
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
  readonly at?: number;
}

const draftOf = (c: ConnectionInput): ConnectionDraft => ({
  from: c.from,
  to: c.to,
  port: String(c.port),
  protocol: c.protocol ?? 'TCP',
  ...(c.at === undefined ? {} : { at: c.at }),
});
const connectionOf = (d: ConnectionDraft): ConnectionInput => ({ ...d, port: d.port.trim() === '' ? NaN : Number(d.port) });
/** Options for a select: the known values, plus the current one if it is no longer among them (so the select shows the truth). */
const withCurrent = (values: readonly string[], current: string) =>
  current === '' || values.includes(current) ? values : [current, ...values];

function TrafficForm() {
  const t = useEditorStrings();
  const commit = useCommit();
  const pods = useAppStore(selectPods);
  const nodes = useAppStore(selectNodes);
  const services = useAppStore(selectServices);
  const traffic = useAppStore(selectTraffic);
  const [rows, setRows] = useState<readonly ConnectionDraft[]>(() => traffic.map(draftOf));
  const serviceRefs = services.map((s) => (s.namespace === undefined || s.namespace === 'default' ? s.name : `${s.namespace}/${s.name}`));
  const change = (i: number, patch: Partial<ConnectionDraft>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const add = () => {
    const svc = services[0];
    setRows([
      ...rows,
      {
        from: pods[0]?.name ?? nodes[0]?.name ?? '',
        to: serviceRefs[0] ?? '',
        port: String(svc?.ports[0]?.port ?? 80),
        protocol: svc?.ports[0]?.protocol ?? 'TCP',
      },
    ]);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    commit((base) => setTraffic(base, rows.map(connectionOf)));
  };
  return (
    <form className="pw-edit-form" onSubmit={submit} aria-label={t.connections} data-id="editor-traffic-form">
      {rows.map((r, i) => {
        const podNames = pods.map((p) => p.name);
        const nodeNames = nodes.map((n) => n.name);
        const stale = withCurrent([...podNames, ...nodeNames], r.from).filter((v) => !podNames.includes(v) && !nodeNames.includes(v));
        return (
          <fieldset className="pw-edit-connection" key={i}>
            <legend>{t.connection(i + 1)}</legend>
            <Field label={t.from}>
              {(p) => (
                <select {...p} value={r.from} onChange={(e) => change(i, { from: e.target.value })}>
                  {stale.map((v) => (
                    <option key={v}>{v}</option>
                  ))}
                  <optgroup label={t.podsGroup}>
                    {podNames.map((v) => (
                      <option key={v}>{v}</option>
                    ))}
                  </optgroup>
                  <optgroup label={t.nodesGroup}>
                    {nodeNames.map((v) => (
                      <option key={v}>{v}</option>
                    ))}
                  </optgroup>
                </select>
              )}
            </Field>
            <Field label={t.to}>
              {(p) => (
                <select {...p} value={r.to} onChange={(e) => change(i, { to: e.target.value })}>
                  {withCurrent(serviceRefs, r.to).map((v) => (
                    <option key={v}>{v}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t.port}>
              {(p) => (
                <input {...p} type="number" min={1} max={65535} value={r.port} onChange={(e) => change(i, { port: e.target.value })} />
              )}
            </Field>
            <Field label={t.protocol}>
              {(p) => (
                <select {...p} value={r.protocol} onChange={(e) => change(i, { protocol: e.target.value as ConnectionDraft['protocol'] })}>
                  {PROTOCOLS.map((proto) => (
                    <option key={proto}>{proto}</option>
                  ))}
                </select>
              )}
            </Field>
            <button
              type="button"
              className="pw-edit-remove"
              aria-label={t.removeConnection(i + 1)}
              onClick={() => setRows(rows.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </fieldset>
        );
      })}
      <div className="pw-edit-actions">
        <button type="button" onClick={add}>
          {t.addConnection}
        </button>
        <button type="submit">{t.setTraffic}</button>
      </div>
    </form>
  );
}

/** The connections the scenario sends: from a pod (or a node's own process) to a Service's port. */
export function TrafficSection() {
  const t = useEditorStrings();
  const key = scenarioKey(useAppStore(selectScenario));
  return (
    <EditorSection title={t.traffic} name="traffic">
      <p className="pw-edit-hint">{t.toServicesOnly}</p>
      <TrafficForm key={key} />
    </EditorSection>
  );
}
