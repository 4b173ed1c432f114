import type { ClusterPlan } from './cluster-plan';
import type { ParityRun } from './namespaces';
import { EDGE_GATEWAY, needsEdge, type OutsideConnection } from './outside-plan';

/** The namespaces of the clients outside the cluster, and of the edge the internet's come in through. */
export interface BuiltOutside {
  /** Each client's namespace, by its name. */
  readonly clients: ReadonlyMap<string, string>;
  /** The edge (the engine's `outside`: router and load balancer), or null when every client is on the nodes' network. */
  readonly edge: string | null;
}

/**
 * Builds what the engine models outside the cluster, no more. A host on the nodes' network: a
 * namespace with a veth on the wire bridge and its address there. A client on the internet: a
 * namespace on a link of its own to the edge, which holds the nodes' default gateway address on
 * the wire and forwards (no NAT, no rules); its routes to the load balancer's or external IPs are
 * added per connection (`routeToEntry`). `add` creates a namespace for a role and records it.
 */
export function buildOutside(run: ParityRun, plan: ClusterPlan, wire: string, add: (role: string) => string): BuiltOutside {
  const clients = new Map<string, string>();
  const edge = needsEdge(plan.outside) ? buildEdge(run, plan, wire, add('out')) : null;
  plan.outside.forEach((client, i) => {
    const ns = add(`x${i}`);
    if (client.via === 'node-network') {
      run.exec(wire, 'ip', ['link', 'add', `h${i}`, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns]);
      run.exec(wire, 'ip', ['link', 'set', `h${i}`, 'master', 'br0', 'up']);
      run.exec(ns, 'ip', ['addr', 'add', `${client.ip}/${plan.wirePrefix}`, 'dev', 'eth0']);
      run.exec(ns, 'ip', ['link', 'set', 'eth0', 'up']);
    } else {
      const port = `c${i}`;
      run.exec(edge!, 'ip', ['link', 'add', port, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns]);
      run.exec(edge!, 'ip', ['addr', 'add', `${EDGE_GATEWAY}/32`, 'dev', port]);
      run.exec(edge!, 'ip', ['link', 'set', port, 'up']);
      run.exec(edge!, 'ip', ['route', 'add', `${client.ip}/32`, 'dev', port]);
      run.exec(ns, 'ip', ['addr', 'add', `${client.ip}/32`, 'dev', 'eth0']);
      run.exec(ns, 'ip', ['link', 'set', 'eth0', 'up']);
      run.exec(ns, 'ip', ['route', 'add', `${EDGE_GATEWAY}/32`, 'dev', 'eth0']);
      run.exec(ns, 'ip', ['route', 'add', 'default', 'via', EDGE_GATEWAY]);
    }
    clients.set(client.name, ns);
  });
  return { clients, edge };
}

/** The edge: a leg on the wire bridge with the nodes' default gateway address, forwarding. */
function buildEdge(run: ParityRun, plan: ClusterPlan, wire: string, ns: string): string {
  run.exec(wire, 'ip', ['link', 'add', 'e0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns]);
  run.exec(wire, 'ip', ['link', 'set', 'e0', 'master', 'br0', 'up']);
  run.exec(ns, 'ip', ['addr', 'add', `${plan.routerIp}/${plan.wirePrefix}`, 'dev', 'eth0']);
  run.exec(ns, 'ip', ['link', 'set', 'eth0', 'up']);
  run.exec(ns, 'sysctl', ['-qw', 'net.ipv4.ip_forward=1']);
  return ns;
}

/**
 * Points the connection's destination at the node the engine handed it to: the router's route to
 * an external IP, the passthrough load balancer's choice of node, or a host's own route. Nothing
 * for a node port, which is the node's own address on the wire.
 */
export function routeToEntry(run: ParityRun, outside: BuiltOutside, conn: OutsideConnection): void {
  if (!conn.route) return;
  const ns = conn.route.in === 'edge' ? outside.edge : outside.clients.get(conn.client.name);
  if (!ns) throw new Error(`no namespace to route ${conn.route.dst} in for ${conn.client.name}`);
  run.exec(ns, 'ip', ['route', 'replace', `${conn.route.dst}/32`, 'via', conn.route.via]);
}
