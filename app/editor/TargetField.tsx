import { optionOfTarget, type ConnectionTarget, type TargetOption } from './connection-target';
import { Field } from './Field';
import { useEditorStrings } from './useEditorStrings';

export interface TargetFieldProps {
  readonly target: ConnectionTarget;
  readonly options: readonly TargetOption[];
  readonly onChange: (target: ConnectionTarget) => void;
}

/** A connection's destination: one of the addresses its Service exposes (the current one shown as it is when it is none of them). */
export function TargetField({ target, options, onChange }: TargetFieldProps) {
  const t = useEditorStrings();
  const current = optionOfTarget(options, target);
  const label = (o: TargetOption) => {
    const { address, node } = o.target;
    if (address === 'node-port') return t.targets.nodePort(node ?? '', o.destination);
    if (address === 'external-ip') return t.targets.externalIp(o.destination);
    if (address === 'load-balancer') return t.targets.loadBalancer(o.destination);
    return t.targets.clusterIp(o.destination);
  };
  const stale = [target.address ?? 'cluster-ip', target.node, target.ip].filter((x) => x !== undefined).join(' ');
  return (
    <Field label={t.sentTo} wide>
      {(p) => (
        <select
          {...p}
          value={current?.key ?? ''}
          onChange={(e) => {
            const picked = options.find((o) => o.key === e.target.value);
            if (picked) onChange(picked.target);
          }}
        >
          {!current && <option value="">{stale}</option>}
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {label(o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
