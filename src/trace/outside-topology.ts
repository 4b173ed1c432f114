import { localEndpointCounts } from '../cluster/local-endpoints';
import type { Cluster, ClusterService } from '../cluster/model';
import type { HealthCheck, OutsideTopology } from './types';

const reachableFromOutside = (s: ClusterService) => s.type !== 'ClusterIP' || s.externalIPs.length > 0;

/**
 * What kube-proxy's health check server answers for a Service on each node
 * (pkg/proxy/healthcheck/service_health.go): 200 with the count of local endpoints
 * when the node has one, 503 when it has none, so a cloud load balancer under
 * externalTrafficPolicy Local sends traffic only to nodes with an endpoint.
 */
function healthChecks(cluster: Cluster, service: ClusterService): HealthCheck[] {
  if (service.healthCheckNodePort === null) return [];
  const local = localEndpointCounts(cluster, service);
  return cluster.nodes.map((n) => {
    const count = local.get(n.name) ?? 0;
    return { node: n.name, status: count > 0 ? 200 : 503, localEndpoints: count };
  });
}

/**
 * The outside world as data for the views: the clients outside the cluster, the
 * router or load balancer they come in through, and each Service reachable from
 * outside with its node ports, addresses, policies and health checks. Undefined
 * when the cluster has no client outside and no Service reachable from there.
 */
export function outsideTopologyOf(cluster: Cluster): OutsideTopology | undefined {
  const services = cluster.services.filter(reachableFromOutside);
  if (cluster.externalClients.length === 0 && services.length === 0) return undefined;
  const hops = [...new Set(cluster.externalClients.flatMap((c) => (c.via === 'node-network' ? [] : [c.via])))];
  return {
    clients: cluster.externalClients.map((c) => ({ name: c.name, kind: c.kind, ip: c.ip, via: c.via })),
    hops,
    services: services.map((s) => ({
      namespace: s.namespace,
      name: s.name,
      type: s.type,
      nodePorts: s.ports.flatMap((p) => (p.nodePort === null ? [] : [p.nodePort])),
      externalIPs: s.externalIPs,
      loadBalancerIPs: s.loadBalancerIPs,
      loadBalancerSourceRanges: s.loadBalancerSourceRanges,
      externalTrafficPolicy: s.externalTrafficPolicy,
      internalTrafficPolicy: s.internalTrafficPolicy,
      healthCheckNodePort: s.healthCheckNodePort,
      healthChecks: healthChecks(cluster, s),
    })),
  };
}
