import { cidrContains, type Cidr } from '../net/cidr';
import type { Scenario } from '../scenario/schema';
import type { ClusterChecks } from './cluster-checks';
import { nodeMac } from './mac';
import type { ClusterNode, ExternalClient } from './model';

/**
 * The scenario's clients outside the cluster, addresses parsed. A host sits on the
 * nodes' own network; an internet client comes in through a router (the default) or
 * the cloud's load balancer. Reports names another client, pod or node has, and
 * addresses that are a node's or inside the cluster's pod or service CIDR.
 */
export function resolveExternalClients(
  cluster: Scenario['cluster'],
  nodes: readonly ClusterNode[],
  cidrs: readonly (Cidr | undefined)[],
  checks: ClusterChecks,
): ExternalClient[] {
  const taken = new Set([...cluster.nodes.map((n) => n.name), ...cluster.pods.map((p) => p.name)]);
  const clients: ExternalClient[] = [];
  (cluster.externalClients ?? []).forEach((c, i) => {
    const path = `cluster.externalClients[${i}]`;
    if (taken.has(c.name)) checks.fail(`${path}.name`, `"${c.name}" is already the name of a node, a pod or another client`);
    taken.add(c.name);
    if (c.kind === 'host' && c.via !== undefined) checks.fail(`${path}.via`, "a host on the nodes' network reaches them directly");
    const ip = checks.ip(c.ip, `${path}.ip`);
    if (!ip) return;
    const node = nodes.find((n) => n.ip === ip);
    if (node) return checks.fail(`${path}.ip`, `${ip} is node "${node.name}"'s address`);
    if (cidrs.some((cidr) => cidr && cidrContains(cidr, ip)))
      return checks.fail(`${path}.ip`, `${ip} is inside the cluster's pod or service CIDR`);
    clients.push({ name: c.name, kind: c.kind, ip, mac: nodeMac(ip), via: c.kind === 'host' ? 'node-network' : (c.via ?? 'router') });
  });
  return clients;
}
