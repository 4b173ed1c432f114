import type { ClusterService } from './model';

/** The API server's default --service-node-port-range. */
export const NODE_PORT_RANGE = { low: 30000, high: 32767 } as const;

export const inNodePortRange = (port: number) => port >= NODE_PORT_RANGE.low && port <= NODE_PORT_RANGE.high;

/** Every port of the range the cluster's Services hold: their nodePorts and health-check nodePorts. */
export function usedNodePorts(services: readonly ClusterService[]): Set<number> {
  const used = new Set<number>();
  for (const s of services) {
    for (const p of s.ports) if (p.nodePort !== null) used.add(p.nodePort);
    if (s.healthCheckNodePort !== null) used.add(s.healthCheckNodePort);
  }
  return used;
}

/**
 * The next port for a Service that fixes none: the lowest free one of the range. The
 * real allocator (pkg/registry/core/service/portallocator) picks at random, preferring
 * the range's upper part; a scenario must give the same trace every time, so here the
 * ports go out in order, Services in declaration order and each Service's ports in
 * order, after every port a Service fixes is set aside. Marks the port used.
 */
export function takeNodePort(used: Set<number>): number | null {
  for (let port = NODE_PORT_RANGE.low; port <= NODE_PORT_RANGE.high; port++) {
    if (!used.has(port)) {
      used.add(port);
      return port;
    }
  }
  return null;
}
