import type { Scenario, Topology } from '../../src/index';
import { planOutsideClients, type OutsideClientPlan } from './outside-plan';

/** One node of the namespace cluster: its addresses as the engine resolved them. */
export interface NodePlan {
  readonly name: string;
  readonly ip: string;
  readonly podCidr: string;
  readonly bridgeIp: string;
}

/** One pod: where it lives, its address, the node-side veth's name, the ports its server listens on. */
export interface PodPlan {
  readonly name: string;
  readonly node: string;
  readonly ip: string;
  readonly veth: string;
  readonly ports: readonly { readonly port: number; readonly protocol: 'tcp' | 'udp' }[];
}

/**
 * The whole cluster to build: nodes on one wire subnet, a stand-in router on it that forwards
 * nothing, and the clients outside the cluster (then, for clients on the internet, the router
 * is the edge namespace, which forwards).
 */
export interface ClusterPlan {
  readonly nodes: readonly NodePlan[];
  readonly pods: readonly PodPlan[];
  /** The wire's prefix length (the /24 of the first node, as the article's 192.168.0.0/24). */
  readonly wirePrefix: number;
  /** The nodes' default gateway: an address in the wire namespace that has ip_forward 0, or the edge's. */
  readonly routerIp: string;
  readonly outside: readonly OutsideClientPlan[];
}

/** The cluster the engine simulated (its resolved topology), as namespaces will model it. */
export function planCluster(scenario: Scenario, topology: Topology): ClusterPlan {
  const nodes = topology.nodes.map((n) => ({ name: n.name, ip: n.ip, podCidr: n.podCidr, bridgeIp: n.bridgeIp }));
  const pods = topology.pods.map((p) => ({ name: p.name, node: p.node, ip: p.ip, veth: p.veth, ports: podPorts(scenario, p.name) }));
  const outside = planOutsideClients(topology);
  const taken = [...nodes.map((n) => n.ip), ...outside.map((c) => c.ip)];
  return { nodes, pods, wirePrefix: 24, routerIp: routerAddress(taken), outside };
}

/**
 * The ports a pod's server listens on: its container ports, and every numeric targetPort of the
 * scenario's Services (a Service may target a port the pod does not declare, as pod-churn's DNS
 * port does). SCTP is left out: the server speaks TCP and UDP.
 */
export function podPorts(scenario: Scenario, pod: string): PodPlan['ports'] {
  const spec = scenario.cluster.pods.find((p) => p.name === pod);
  const services = [...scenario.cluster.services, ...scenario.events.flatMap((e) => (e.action === 'create-service' ? [e.service] : []))];
  const created = scenario.events.flatMap((e) => (e.action === 'create-pod' && e.pod.name === pod ? e.pod.ports : []));
  const all = [
    ...[...(spec?.ports ?? []), ...created].map((p) => ({ port: p.containerPort, protocol: p.protocol })),
    ...services.flatMap((s) =>
      s.ports.flatMap((p) => (typeof p.targetPort === 'number' ? [{ port: p.targetPort, protocol: p.protocol }] : [])),
    ),
  ];
  const out: { port: number; protocol: 'tcp' | 'udp' }[] = [];
  for (const p of all) {
    const protocol = p.protocol === 'UDP' ? 'udp' : p.protocol === 'TCP' ? 'tcp' : undefined;
    if (protocol && !out.some((o) => o.port === p.port && o.protocol === protocol)) out.push({ port: p.port, protocol });
  }
  return out;
}

/** The highest host address of the first node's /24 that no node (nor a host on the nodes' network) uses. */
function routerAddress(taken: readonly string[]): string {
  const base = (taken[0] ?? '192.168.0.1').split('.').slice(0, 3).join('.');
  for (let host = 254; host > 0; host--) {
    const ip = `${base}.${host}`;
    if (!taken.includes(ip)) return ip;
  }
  throw new Error(`no free address for the stand-in router in ${base}.0/24`);
}

/** A CIDR's prefix length ("10.244.1.0/24" -> 24). */
export function prefixOf(cidr: string): number {
  return Number(cidr.split('/')[1] ?? '24');
}
