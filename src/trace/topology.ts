import type { Cluster } from '../cluster/model';
import { formatCidr } from '../net/cidr';
import type { PodName } from '../net/ids';
import { outsideTopologyOf } from './outside-topology';
import type { Topology, Trace } from './types';

/**
 * The cluster as it was at a step: which pods and Services existed, their
 * addresses and readiness then (a deleted pod's old IP before its deletion,
 * the new one after it was re-created).
 *
 * @example topologyAt(trace, 0).pods.find((p) => p.name === 'pod4')?.ip // '10.244.2.3'
 */
export function topologyAt(trace: Trace, step: number): Topology {
  let found = trace.epochs[0]?.topology ?? trace.topology;
  for (const epoch of trace.epochs) if (epoch.fromStep <= step) found = epoch.topology;
  return found;
}

/** The cluster as plain data for the views: nodes, pods with their veths, Services with their ready endpoints. */
export function topologyOf(cluster: Cluster, ipvsAddresses: ReadonlyMap<string, readonly string[]> = new Map()): Topology {
  // Each Service's ready endpoints, gathered in one pass over the slices (10,000 Services
  // each filtering every slice would be 10^8 comparisons).
  const ready = new Map<string, PodName[]>();
  for (const e of cluster.endpointSlices) {
    const key = `${e.namespace}/${e.serviceName}`;
    const refs = ready.get(key) ?? [];
    for (const ep of e.endpoints) if (ep.conditions.ready) refs.push(ep.targetRef);
    ready.set(key, refs);
  }
  const outside = outsideTopologyOf(cluster);
  return {
    clusterCidr: formatCidr(cluster.clusterCidr),
    serviceCidr: formatCidr(cluster.serviceCidr),
    nodes: cluster.nodes.map((n) => ({
      name: n.name,
      ip: n.ip,
      podCidr: formatCidr(n.podCidr),
      bridgeIp: n.bridgeIp,
      ipvsAddresses: ipvsAddresses.get(n.name) ?? [],
    })),
    pods: cluster.pods.map((p) => ({
      name: p.name,
      namespace: p.namespace,
      node: p.node,
      ip: p.ip,
      veth: p.veth,
      ready: p.ready,
      labels: p.labels,
    })),
    services: cluster.services.map((s) => ({
      namespace: s.namespace,
      name: s.name,
      clusterIP: s.clusterIP,
      ports: s.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol.toUpperCase(), targetPort: p.targetPort })),
      endpoints: ready.get(`${s.namespace}/${s.name}`) ?? [],
    })),
    ...(outside ? { outside } : {}),
  };
}
