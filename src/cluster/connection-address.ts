import type { Ipv4 } from '../net/ipv4';
import type { Scenario } from '../scenario/schema';
import { localEndpointCounts } from './local-endpoints';
import type { Cluster, ClusterNode, ClusterService, ClusterServicePort } from './model';

type Connection = Scenario['traffic'][number];

/**
 * Where a connection's first packet goes: the address and port it is sent to and,
 * for a client outside the cluster, the node the network hands it to.
 */
export type ConnectionAddress =
  | { readonly ok: true; readonly ip: Ipv4; readonly port: number; readonly entry: ClusterNode | null }
  | { readonly ok: false; readonly field: string; readonly message: string };

const fail = (field: string, message: string): ConnectionAddress => ({ ok: false, field, message });

/**
 * The node a load balancer or the network sends an outside client's packet to: the one
 * the connection names, else for externalTrafficPolicy Local the first node whose
 * health check answers 200 (a cloud load balancer sends only there), else the first node.
 */
function entryNode(cluster: Cluster, service: ClusterService, named: ClusterNode | undefined): ClusterNode {
  if (named) return named;
  const healthy = service.externalTrafficPolicy === 'Local' ? localEndpointCounts(cluster, service) : new Map<string, number>();
  return cluster.nodes.find((n) => healthy.has(n.name)) ?? cluster.nodes[0]!;
}

/** One of the Service's addresses of a kind: the one the connection names (it must be one of them), or the first. */
function pick(list: readonly Ipv4[], wanted: string | undefined, what: string): { ip: Ipv4 } | { error: string } {
  if (list.length === 0) return { error: `the Service has no ${what}` };
  const ip = wanted === undefined ? list[0] : list.find((a) => a === wanted);
  return ip ? { ip } : { error: `${wanted} is not one of the Service's ${what}s` };
}

/**
 * Resolves a connection's `address` (cluster-ip, node-port, external-ip, load-balancer)
 * against its Service, or says which field is wrong. A client outside the cluster has
 * no route to a cluster IP.
 */
export function connectionAddress(
  cluster: Cluster,
  conn: Connection,
  service: ClusterService,
  port: ClusterServicePort,
  outside: boolean,
): ConnectionAddress {
  const address = conn.address ?? 'cluster-ip';
  const named = conn.node === undefined ? undefined : cluster.nodes.find((n) => n.name === conn.node);
  if (conn.node !== undefined && !named) return fail('node', `no node named "${conn.node}"`);
  if (address === 'cluster-ip') {
    if (outside)
      return fail(
        'address',
        'a client outside the cluster has no route to a cluster IP: send to a node port, an external IP or the load balancer',
      );
    return { ok: true, ip: service.clusterIP, port: conn.port, entry: null };
  }
  if (address === 'node-port') {
    if (port.nodePort === null) return fail('address', `Service "${service.name}" is of type ${service.type}: it has no node port`);
    if (!named) return fail('node', 'a node port is sent to a node: name it');
    return { ok: true, ip: named.ip, port: port.nodePort, entry: outside ? named : null };
  }
  const picked =
    address === 'external-ip'
      ? pick(service.externalIPs, conn.ip, 'external IP')
      : pick(service.loadBalancerIPs, conn.ip, 'load balancer IP');
  if ('error' in picked) return fail(conn.ip === undefined ? 'address' : 'ip', picked.error);
  return { ok: true, ip: picked.ip, port: conn.port, entry: outside ? entryNode(cluster, service, named) : null };
}
