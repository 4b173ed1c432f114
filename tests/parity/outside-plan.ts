import { isPacketStep, type Topology, type Trace } from '../../src/index';

/** A client outside the cluster, as the replay builds it. */
export interface OutsideClientPlan {
  readonly name: string;
  readonly ip: string;
  /**
   * 'node-network': a host with a veth on the wire bridge and an address in the wire's subnet.
   * 'router' or 'load-balancer': a client on the internet, on a link of its own to the edge
   * namespace, which forwards (the engine's `outside/router` and `outside/load-balancer`).
   */
  readonly via: 'node-network' | 'router' | 'load-balancer';
}

/**
 * The edge's address on every internet client's link, and the client's default gateway. The
 * client holds its own address as a /32, so the link claims no subnet of the scenario's (a
 * client may share a /24 with the load balancer's IP, as office and 203.0.113.10 do).
 */
export const EDGE_GATEWAY = '169.254.0.1';

/** The scenario's clients outside the cluster, from the engine's topology. */
export function planOutsideClients(topology: Topology): OutsideClientPlan[] {
  return (topology.outside?.clients ?? []).map((c) => ({ name: c.name, ip: c.ip, via: c.via }));
}

/** Whether the replay needs the edge namespace: some client comes in from the internet. */
export const needsEdge = (clients: readonly OutsideClientPlan[]) => clients.some((c) => c.via !== 'node-network');

/** Where a connection of an outside client goes, and how the network gets it to the node the engine chose. */
export interface OutsideConnection {
  readonly client: OutsideClientPlan;
  readonly dstIp: string;
  readonly dstPort: number;
  /** The node whose eth0 the engine hands the first packet to. */
  readonly entryNode: string;
  /**
   * The route that sends the destination to that node, in the client's namespace (a host) or
   * the edge's (a router or a passthrough load balancer: no NAT, the client's source kept);
   * null when the destination is the node's own address (a node port), which is on the wire.
   */
  readonly route: { readonly in: 'client' | 'edge'; readonly dst: string; readonly via: string } | null;
}

/**
 * A connection of the trace whose client is outside the cluster, as the engine walked it: its
 * first packet's destination, and the first node it reached. Undefined for a pod's or a node's
 * connection.
 */
export function outsideConnection(trace: Trace, index: number): OutsideConnection | undefined {
  const summary = trace.connections[index];
  const client = planOutsideClients(trace.topology).find((c) => c.name === summary?.client);
  if (!summary || !client) return undefined;
  const steps = trace.steps.filter(isPacketStep).filter((s) => s.connection === index);
  const first = steps.find((s) => s.packet === 0)?.before;
  const entry = steps.find((s) => s.node !== null)?.node;
  const node = trace.topology.nodes.find((n) => n.name === entry);
  if (!first || first.protocol === 'icmp' || !node)
    throw new Error(`${trace.scenarioName}: connection ${index} from ${client.name} reaches no node`);
  const { dstIp, dstPort } = first;
  const route =
    dstIp === node.ip ? null : { in: client.via === 'node-network' ? ('client' as const) : ('edge' as const), dst: dstIp, via: node.ip };
  return { client, dstIp, dstPort, entryNode: node.name, route };
}
