import type { ServiceInput } from './edits';
import type { ServiceExposureInput } from './outside-edits';

export type ServiceType = NonNullable<ServiceInput['type']>;
export type TrafficPolicy = NonNullable<ServiceInput['externalTrafficPolicy']>;
export const SERVICE_TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer'];
export const TRAFFIC_POLICIES: readonly TrafficPolicy[] = ['Cluster', 'Local'];

/** A Service's exposure as its form holds it: lists as text ("a, b"), a port as text ('' for automatic). */
export interface ExposureDraft {
  readonly type: ServiceType;
  readonly externalIPs: string;
  readonly loadBalancerIPs: string;
  readonly loadBalancerSourceRanges: string;
  readonly externalTrafficPolicy: TrafficPolicy;
  readonly healthCheckNodePort: string;
  readonly internalTrafficPolicy: TrafficPolicy;
}

/** Which of the fields the Service's type (and policy) gives a meaning; the form shows only these, and applies only these. */
export function exposureFieldsShown(d: ExposureDraft) {
  const lb = d.type === 'LoadBalancer';
  return {
    nodePorts: d.type !== 'ClusterIP',
    loadBalancer: lb,
    // Kubernetes takes the policy on a Service that is reachable from outside: a node port, or an external IP.
    externalTrafficPolicy: d.type !== 'ClusterIP' || splitList(d.externalIPs).length > 0,
    healthCheckNodePort: lb && d.externalTrafficPolicy === 'Local',
  };
}

/** "a, b c" as ["a", "b", "c"]: commas or spaces between items. */
export const splitList = (text: string): string[] => text.split(/[,\s]+/).filter((x) => x !== '');

/** A port typed in a form: undefined when empty (allocated), NaN when not a number, for the validation to report with its path. */
export const portOfText = (text: string): number | undefined =>
  text.trim() === '' ? undefined : /^\d+$/.test(text.trim()) ? Number(text) : NaN;

export function exposureDraftOf(s: ServiceInput): ExposureDraft {
  return {
    type: s.type ?? 'ClusterIP',
    externalIPs: (s.externalIPs ?? []).join(', '),
    loadBalancerIPs: (s.loadBalancerIPs ?? []).join(', '),
    loadBalancerSourceRanges: (s.loadBalancerSourceRanges ?? []).join(', '),
    externalTrafficPolicy: s.externalTrafficPolicy ?? 'Cluster',
    healthCheckNodePort: s.healthCheckNodePort === undefined ? '' : String(s.healthCheckNodePort),
    internalTrafficPolicy: s.internalTrafficPolicy ?? 'Cluster',
  };
}

/**
 * The exposure fields the draft stands for. A field the type does not use is left
 * out, so a hidden field never makes an edit fail; a default is written only where
 * the Service had the field already (an untouched Service comes out as it went in).
 */
export function exposureOfDraft(d: ExposureDraft, before: ServiceInput): ServiceExposureInput {
  const shown = exposureFieldsShown(d);
  const out: { -readonly [K in keyof ServiceExposureInput]: ServiceExposureInput[K] } = {};
  if (d.type !== 'ClusterIP' || before.type !== undefined) out.type = d.type;
  const list = (text: string, had: readonly string[] | undefined) => {
    const items = splitList(text);
    return items.length > 0 || had !== undefined ? items : undefined;
  };
  const externalIPs = list(d.externalIPs, before.externalIPs);
  if (externalIPs) out.externalIPs = externalIPs;
  if (shown.loadBalancer) {
    const ips = list(d.loadBalancerIPs, before.loadBalancerIPs);
    const ranges = list(d.loadBalancerSourceRanges, before.loadBalancerSourceRanges);
    if (ips) out.loadBalancerIPs = ips;
    if (ranges) out.loadBalancerSourceRanges = ranges;
  }
  if (shown.externalTrafficPolicy && (d.externalTrafficPolicy === 'Local' || before.externalTrafficPolicy !== undefined))
    out.externalTrafficPolicy = d.externalTrafficPolicy;
  const health = portOfText(d.healthCheckNodePort);
  if (shown.healthCheckNodePort && health !== undefined) out.healthCheckNodePort = health;
  if (d.internalTrafficPolicy === 'Local' || before.internalTrafficPolicy !== undefined)
    out.internalTrafficPolicy = d.internalTrafficPolicy;
  return out;
}
