import { Field } from './Field';
import { PROTOCOLS, type PortDraft } from './port-draft';
import { useEditorStrings } from './useEditorStrings';

export interface PortRowsProps {
  readonly ports: readonly PortDraft[];
  readonly onChange: (ports: readonly PortDraft[]) => void;
  /** NodePort and LoadBalancer Services: each port's node port field, with the port the engine allocated as its placeholder. */
  readonly nodePorts?: readonly (number | undefined)[];
}

/** A Service's ports as editable rows: name, port, target port, protocol (and node port where the type has one). */
export function PortRows({ ports, onChange, nodePorts }: PortRowsProps) {
  const t = useEditorStrings();
  const change = (i: number, patch: Partial<PortDraft>) => onChange(ports.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <fieldset className="pw-edit-ports">
      <legend>{t.ports}</legend>
      {ports.map((p, i) => (
        <div className="pw-edit-port" key={i} role="group" aria-label={`${t.port} ${i + 1}`} data-node-port={nodePorts ? '' : undefined}>
          <Field label={t.portName}>
            {(a) => (
              <input {...a} value={p.name} onChange={(e) => change(i, { name: e.target.value })} autoComplete="off" spellCheck={false} />
            )}
          </Field>
          <Field label={t.port}>
            {(a) => <input {...a} type="number" min={1} max={65535} value={p.port} onChange={(e) => change(i, { port: e.target.value })} />}
          </Field>
          <Field label={t.targetPort} hint={t.targetPortHint}>
            {(a) => (
              <input
                {...a}
                value={p.targetPort}
                onChange={(e) => change(i, { targetPort: e.target.value })}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
          <Field label={t.protocol}>
            {(a) => (
              <select {...a} value={p.protocol} onChange={(e) => change(i, { protocol: e.target.value as PortDraft['protocol'] })}>
                {PROTOCOLS.map((proto) => (
                  <option key={proto}>{proto}</option>
                ))}
              </select>
            )}
          </Field>
          {nodePorts && (
            <Field label={t.nodePort}>
              {(a) => (
                <input
                  {...a}
                  inputMode="numeric"
                  value={p.nodePort}
                  placeholder={t.automaticPort(nodePorts[i])}
                  onChange={(e) => change(i, { nodePort: e.target.value })}
                  autoComplete="off"
                />
              )}
            </Field>
          )}
          {ports.length > 1 && (
            <button
              type="button"
              className="pw-edit-remove"
              aria-label={t.removePort(i + 1)}
              onClick={() => onChange(ports.filter((_, j) => j !== i))}
            >
              ×
            </button>
          )}
        </div>
      ))}
      <button type="button" onClick={() => onChange([...ports, { name: '', port: '', targetPort: '', protocol: 'TCP', nodePort: '' }])}>
        {t.addPort}
      </button>
    </fieldset>
  );
}
