import type { ScenarioInput } from '../../src/index';
import type { ServiceInput } from './edits';

/*
 * The schema version 2 edits: how a Service is reached from outside the cluster,
 * and the clients out there. Data in, data out, unvalidated, as in edits.ts.
 */

export type ExternalClientInput = NonNullable<ScenarioInput['cluster']['externalClients']>[number];

/** The Service fields that say how it is reached from outside (and the internal policy beside them). */
export type ServiceExposureInput = Pick<
  ServiceInput,
  | 'type'
  | 'externalIPs'
  | 'loadBalancerIPs'
  | 'loadBalancerSourceRanges'
  | 'externalTrafficPolicy'
  | 'healthCheckNodePort'
  | 'internalTrafficPolicy'
>;

/** Replaces a Service's exposure fields: a field `exposure` leaves out is removed (the engine's default then applies). */
export function setServiceExposure(s: ScenarioInput, name: string, exposure: ServiceExposureInput): ScenarioInput {
  const services = s.cluster.services.map((svc) => {
    if (svc.name !== name) return svc;
    const {
      type: _t,
      externalIPs: _e,
      loadBalancerIPs: _l,
      loadBalancerSourceRanges: _r,
      externalTrafficPolicy: _x,
      healthCheckNodePort: _h,
      internalTrafficPolicy: _i,
      ...rest
    } = svc;
    return { ...rest, ...exposure };
  });
  return { ...s, cluster: { ...s.cluster, services } };
}

/** Adds a client outside the cluster at the end of the list. */
export function addExternalClient(s: ScenarioInput, client: ExternalClientInput): ScenarioInput {
  return { ...s, cluster: { ...s.cluster, externalClients: [...(s.cluster.externalClients ?? []), { ...client }] } };
}

/** Removes a client outside the cluster (traffic still sent from it is refused until it is changed too); the list goes with its last client. */
export function removeExternalClient(s: ScenarioInput, name: string): ScenarioInput {
  const { externalClients, ...cluster } = s.cluster;
  const left = (externalClients ?? []).filter((c) => c.name !== name);
  return { ...s, cluster: left.length > 0 ? { ...cluster, externalClients: left } : cluster };
}
