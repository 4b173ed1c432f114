import type { Cluster, ClusterService } from './model';

/**
 * How many ready endpoints of the Service each node holds (nodes with none are
 * absent): what kube-proxy's health check server counts, and what a cloud load
 * balancer's probe learns under externalTrafficPolicy Local.
 */
export function localEndpointCounts(cluster: Cluster, service: ClusterService): Map<string, number> {
  const counts = new Map<string, number>();
  for (const slice of cluster.endpointSlices)
    if (slice.namespace === service.namespace && slice.serviceName === service.name)
      for (const e of slice.endpoints) if (e.conditions.ready) counts.set(e.nodeName, (counts.get(e.nodeName) ?? 0) + 1);
  return counts;
}
