import type { Scenario } from '../scenario/schema';
import { allocateServices } from './allocate-services';
import { createClusterChecks, type ClusterError } from './cluster-checks';
import { deriveEndpointSlices } from './endpoint-slices';
import { resolveExternalClients } from './external-clients';
import type { ClusterAllocation } from './ipam';
import type { Cluster, ClusterState } from './model';
import { placePods } from './place-pods';
import { resolveNodes } from './resolve-nodes';
import { validateTimeline } from './timeline';

export type { ClusterError } from './cluster-checks';

export type ClusterResult =
  | { readonly ok: true; readonly cluster: Cluster; readonly allocation: ClusterAllocation }
  | { readonly ok: false; readonly errors: readonly ClusterError[] };

/**
 * Resolves a validated scenario into a cluster: parses every address, allocates
 * pod IPs from each node's pod CIDR (the bridge takes the first address, pods
 * follow in declaration order, skipping addresses already given) and cluster
 * IPs from the service CIDR, numbers each node's veths, and derives the
 * EndpointSlices. Cross-field mistakes come back as errors with their path,
 * including traffic and events that name a pod or Service which does not exist
 * at their time (see `validateTimeline`). The allocators' positions come back
 * with the cluster, so events can allocate from where the start left off.
 */
export function buildCluster(scenario: Scenario): ClusterResult {
  const checks = createClusterChecks();
  const { cluster } = scenario;
  const clusterCidr = checks.cidr(cluster.clusterCIDR, 'cluster.clusterCIDR');
  const serviceCidr = checks.cidr(cluster.serviceCIDR, 'cluster.serviceCIDR');
  const nodes = resolveNodes(cluster, clusterCidr, checks);
  const { pods, lastPodIp, nextVeth, vethOf } = placePods(cluster, nodes, checks);
  const { services, lastServiceIp } = allocateServices(cluster, serviceCidr, checks);
  const externalClients = resolveExternalClients(cluster, nodes, [clusterCidr, serviceCidr], checks);
  const { errors } = checks;
  if (errors.length > 0 || !clusterCidr || !serviceCidr) return { ok: false, errors };
  const endpointSlices = services.flatMap((s) => deriveEndpointSlices(s, pods));
  const state: ClusterState = {
    cluster: { clusterCidr, serviceCidr, nodes, pods, services, endpointSlices, externalClients },
    allocation: { lastPodIp, nextVeth, vethOf, lastServiceIp },
  };
  // Traffic and events are checked against the cluster as it stands at their time.
  const timelineErrors = validateTimeline(scenario, state);
  if (timelineErrors.length > 0) return { ok: false, errors: timelineErrors };
  return { ok: true, ...state };
}

export { findService } from './timeline';
