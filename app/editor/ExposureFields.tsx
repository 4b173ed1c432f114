import { Field } from './Field';
import { exposureFieldsShown, SERVICE_TYPES, TRAFFIC_POLICIES, type ExposureDraft, type TrafficPolicy } from './exposure-draft';
import { useEditorStrings } from './useEditorStrings';

export interface ExposureFieldsProps {
  readonly draft: ExposureDraft;
  readonly onChange: (draft: ExposureDraft) => void;
  /** The health check port the engine allocated, shown while none is fixed. */
  readonly allocatedHealthCheck: number | undefined;
}

type ListField = 'externalIPs' | 'loadBalancerIPs' | 'loadBalancerSourceRanges';

/**
 * How a Service is reached: its type, addresses, source ranges and traffic policies.
 * Only the fields the type uses are shown (a ClusterIP Service has no load balancer).
 */
export function ExposureFields({ draft, onChange, allocatedHealthCheck }: ExposureFieldsProps) {
  const t = useEditorStrings();
  const shown = exposureFieldsShown(draft);
  const set = (patch: Partial<ExposureDraft>) => onChange({ ...draft, ...patch });
  // An example in the empty field says the format without a hint line under each list.
  const list = (field: ListField, label: string, example: string, hint?: string) => (
    <Field label={label} wide {...(hint === undefined ? {} : { hint })}>
      {(p) => (
        <input
          {...p}
          value={draft[field]}
          placeholder={example}
          onChange={(e) => set({ [field]: e.target.value })}
          autoComplete="off"
          spellCheck={false}
        />
      )}
    </Field>
  );
  const policy = (field: 'externalTrafficPolicy' | 'internalTrafficPolicy', label: string) => (
    <Field label={label}>
      {(p) => (
        <select {...p} value={draft[field]} onChange={(e) => set({ [field]: e.target.value as TrafficPolicy })}>
          {TRAFFIC_POLICIES.map((v) => (
            <option key={v}>{v}</option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <fieldset className="pw-edit-exposure">
      <legend>{t.exposure}</legend>
      <Field label={t.serviceType}>
        {(p) => (
          <select {...p} value={draft.type} onChange={(e) => set({ type: e.target.value as ExposureDraft['type'] })}>
            {SERVICE_TYPES.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        )}
      </Field>
      {policy('internalTrafficPolicy', t.internalTrafficPolicy)}
      {shown.externalTrafficPolicy && policy('externalTrafficPolicy', t.externalTrafficPolicy)}
      {shown.healthCheckNodePort && (
        <Field label={t.healthCheckNodePort}>
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={draft.healthCheckNodePort}
              placeholder={t.automaticPort(allocatedHealthCheck)}
              onChange={(e) => set({ healthCheckNodePort: e.target.value })}
              autoComplete="off"
            />
          )}
        </Field>
      )}
      {list('externalIPs', t.externalIPs, '192.0.2.10, 192.0.2.11')}
      {shown.loadBalancer && list('loadBalancerIPs', t.loadBalancerIPs, '203.0.113.10')}
      {shown.loadBalancer && list('loadBalancerSourceRanges', t.sourceRanges, '203.0.113.0/24, 198.51.100.0/24', t.sourceRangesHint)}
    </fieldset>
  );
}
