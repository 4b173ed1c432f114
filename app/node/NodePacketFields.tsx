import { useId } from 'react';
import type { NodeOrigin } from '../../src/node-trace';
import { problemText, type NodeStrings } from '../i18n/node-strings';
import type { DraftFieldsProps, NodeDraft } from './node-draft';
import { NodeField } from './NodeField';

const ORIGINS: readonly NodeOrigin[] = ['pod', 'outside', 'host'];
const PROTOCOLS: readonly NodeDraft['protocol'][] = ['tcp', 'udp', 'sctp'];

type TextField = 'src' | 'dst' | 'sport' | 'dport';

/** The packet: addresses and ports (each with its message when wrong), protocol, and where it comes from. */
export function NodePacketFields({ t, draft, problems, onChange }: DraftFieldsProps<NodeStrings>) {
  const id = useId();
  const text = (field: TextField, label: string, numeric: boolean) => (
    <NodeField label={label} problem={problems[field] && problemText(t, problems[field])}>
      {(props) => (
        <input
          {...props}
          data-id={`node-${field}`}
          value={draft[field]}
          inputMode={numeric ? 'numeric' : 'decimal'}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onChange({ [field]: e.target.value })}
        />
      )}
    </NodeField>
  );
  return (
    <fieldset className="pw-node-packet">
      <legend>{t.packet}</legend>
      <div className="pw-node-grid">
        {text('src', t.src, false)}
        {text('sport', t.sport, true)}
        {text('dst', t.dst, false)}
        {text('dport', t.dport, true)}
        <NodeField label={t.protocol}>
          {(props) => (
            <select
              {...props}
              data-id="node-protocol"
              value={draft.protocol}
              onChange={(e) => onChange({ protocol: e.target.value as NodeDraft['protocol'] })}
            >
              {PROTOCOLS.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          )}
        </NodeField>
      </div>
      <div role="radiogroup" aria-labelledby={`${id}-origin`} className="pw-node-origins">
        <span id={`${id}-origin`} className="pw-node-label">
          {t.origin}
        </span>
        {ORIGINS.map((o) => (
          <label key={o}>
            <input
              type="radio"
              name={`${id}-origin`}
              value={o}
              data-id={`node-origin-${o}`}
              checked={draft.origin === o}
              onChange={() => onChange({ origin: o })}
            />{' '}
            {t.origins[o]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
