import type { Topology } from '../../src/index';
import type { ConnectionInput } from './edits';

export type TargetAddress = NonNullable<ConnectionInput['address']>;

/** Which of a Service's addresses a connection sends to, in the schema's terms (`address`, and `node` or `ip`). */
export interface ConnectionTarget {
  readonly address?: TargetAddress;
  readonly node?: string;
  readonly ip?: string;
}

/** One address a client can send to: what to write into the connection, and the address and port it stands for. */
export interface TargetOption {
  readonly key: string;
  readonly target: ConnectionTarget;
  /** "192.168.0.11:30000": the destination as the client's first packet carries it. */
  readonly destination: string;
}

const keyOf = (t: ConnectionTarget) => [t.address ?? 'cluster-ip', t.node ?? '', t.ip ?? ''].join('|');

/**
 * What the connection's Service exposes on its port, from the trace's topology (the
 * engine's allocated cluster IP and node ports): its cluster IP (not for a client
 * outside the cluster, which has no route to it), each node's IP with the node port,
 * its external IPs and its load balancer IPs. Empty when the Service or port is unknown.
 */
export function targetOptions(
  topology: Topology,
  conn: { readonly to: string; readonly port: number; readonly namespace: string },
  outsideClient: boolean,
): TargetOption[] {
  const [ns, name] = conn.to.includes('/') ? conn.to.split('/', 2) : [conn.namespace, conn.to];
  const same = (s: { readonly namespace: string; readonly name: string }) => s.namespace === ns && s.name === name;
  const service = topology.services.find(same);
  const index = service?.ports.findIndex((p) => p.port === conn.port) ?? -1;
  if (!service || index < 0) return [];
  const outside = topology.outside?.services.find(same);
  const option = (target: ConnectionTarget, ip: string, port: number): TargetOption => ({
    key: keyOf(target),
    target,
    destination: `${ip}:${port}`,
  });
  const nodePort = outside?.nodePorts[index];
  return [
    ...(outsideClient ? [] : [option({ address: 'cluster-ip' }, service.clusterIP, conn.port)]),
    ...(nodePort === undefined ? [] : topology.nodes.map((n) => option({ address: 'node-port', node: n.name }, n.ip, nodePort))),
    ...(outside?.externalIPs ?? []).map((ip) => option({ address: 'external-ip', ip }, ip, conn.port)),
    ...(outside?.loadBalancerIPs ?? []).map((ip) => option({ address: 'load-balancer', ip }, ip, conn.port)),
  ];
}

/**
 * The option a connection's target is, if any. A connection that leaves out `ip` sends
 * to the Service's first address of its kind; one that names the node an external or
 * load balancer address is handed to still sends to that address.
 */
export function optionOfTarget(options: readonly TargetOption[], t: ConnectionTarget): TargetOption | undefined {
  const address = t.address ?? 'cluster-ip';
  const ofKind = options.filter((o) => (o.target.address ?? 'cluster-ip') === address);
  if (address === 'node-port') return ofKind.find((o) => o.target.node === t.node);
  if (address === 'cluster-ip') return ofKind[0];
  return t.ip === undefined ? ofKind[0] : ofKind.find((o) => o.target.ip === t.ip);
}
