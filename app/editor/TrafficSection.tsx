import { useState, type FormEvent } from 'react';
import { useAppStore } from '../store/StoreProvider';
import { selectNodes, selectPods, selectScenario, selectServices, selectTopology, selectTraffic } from '../store/selectors';
import { targetOptions, type ConnectionTarget } from './connection-target';
import { setTraffic, type ConnectionInput } from './edits';
import { EditorSection } from './EditorSection';
import { Field } from './Field';
import { PROTOCOLS } from './port-draft';
import { scenarioKey } from './scenario-key';
import { TargetField } from './TargetField';
import { useCommit } from './useCommit';
import { useEditorStrings } from './useEditorStrings';

interface ConnectionDraft extends ConnectionTarget {
  readonly from: string;
  readonly to: string;
  readonly port: string;
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
  readonly at?: number;
}

/** The target fields a connection has (an absent one keeps meaning the schema's default). */
const targetOf = (c: ConnectionTarget): ConnectionTarget => ({
  ...(c.address === undefined ? {} : { address: c.address }),
  ...(c.node === undefined ? {} : { node: c.node }),
  ...(c.ip === undefined ? {} : { ip: c.ip }),
});
const withTarget = ({ address: _a, node: _n, ip: _i, ...d }: ConnectionDraft, target: ConnectionTarget): ConnectionDraft => ({
  ...d,
  ...targetOf(target),
});

const draftOf = (c: ConnectionInput): ConnectionDraft => ({
  from: c.from,
  to: c.to,
  port: String(c.port),
  protocol: c.protocol ?? 'TCP',
  ...(c.at === undefined ? {} : { at: c.at }),
  ...targetOf(c),
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
  const topology = useAppStore(selectTopology);
  const clientNames = (useAppStore(selectScenario).cluster.externalClients ?? []).map((c) => c.name);
  const optionsFor = (r: ConnectionDraft) => {
    const namespace = pods.find((p) => p.name === r.from)?.namespace ?? 'default';
    return targetOptions(topology, { to: r.to, port: Number(r.port), namespace }, clientNames.includes(r.from));
  };
  // A client outside the cluster cannot send to a cluster IP: it moves to the first address it can reach.
  const changeFrom = (i: number, from: string) => {
    const row = { ...rows[i]!, from };
    const first = optionsFor(row)[0];
    const leaves = clientNames.includes(from) && (row.address ?? 'cluster-ip') === 'cluster-ip' && first;
    setRows(rows.map((r, j) => (j === i ? (leaves ? withTarget(row, first.target) : row) : r)));
  };
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
        const known = [...podNames, ...nodeNames, ...clientNames];
        const stale = withCurrent(known, r.from).filter((v) => !known.includes(v));
        const options = optionsFor(r);
        // A pod sending to a plain cluster IP needs no choice: the field shows only when there is one to make.
        const showTarget = options.length > 1 || clientNames.includes(r.from) || (r.address ?? 'cluster-ip') !== 'cluster-ip';
        return (
          <fieldset className="pw-edit-connection" key={i}>
            <legend>{t.connection(i + 1)}</legend>
            <Field label={t.from}>
              {(p) => (
                <select {...p} value={r.from} onChange={(e) => changeFrom(i, e.target.value)}>
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
                  {clientNames.length > 0 && (
                    <optgroup label={t.outsideGroup}>
                      {clientNames.map((v) => (
                        <option key={v}>{v}</option>
                      ))}
                    </optgroup>
                  )}
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
            {showTarget && (
              <TargetField
                target={r}
                options={options}
                onChange={(target) => setRows(rows.map((x, j) => (j === i ? withTarget(x, target) : x)))}
              />
            )}
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

/** The connections the scenario sends: from a pod, a node's own process or a client outside the cluster to one of a Service's addresses. */
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
