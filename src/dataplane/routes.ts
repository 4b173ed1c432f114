import { cidrContains, formatCidr } from '../net/cidr';
import type { Ipv4 } from '../net/ipv4';
import type { Cluster, ClusterNode } from '../cluster/model';

/**
 * The route a node's root namespace picks for a destination (`ip route get`):
 * its own pod CIDR is on the bridge, every other node's pod CIDR is reached
 * through that node's IP on eth0 (the routes a cloud's route table or the
 * kubenet/host-gw setup installs), addresses of the node itself are local, the
 * other nodes and the hosts on the nodes' own network are on-link (eth0's connected
 * route), and everything else takes the default route out of eth0.
 */
export type Route =
  | { readonly kind: 'local'; readonly text: string }
  | { readonly kind: 'bridge'; readonly dev: 'cbr0'; readonly text: string }
  | { readonly kind: 'via-node'; readonly dev: 'eth0'; readonly node: ClusterNode; readonly text: string }
  /** Another node's own address (`node`), or a host outside the cluster on the nodes' network (null). */
  | { readonly kind: 'on-link'; readonly dev: 'eth0'; readonly node: ClusterNode | null; readonly text: string }
  | { readonly kind: 'default'; readonly dev: 'eth0'; readonly text: string };

/** The subnet's gateway, as a cloud VPC has it: its first address. */
export const DEFAULT_GATEWAY_NOTE = 'default via the VPC gateway dev eth0';

/** The node's own addresses: eth0's, cbr0's, loopback, and in IPVS mode every address on kube-ipvs0. */
export function isLocalAddress(node: ClusterNode, ip: Ipv4, ipvsAddresses: ReadonlySet<string> = NONE): boolean {
  return ip === node.ip || ip === node.bridgeIp || ip.startsWith('127.') || ipvsAddresses.has(ip);
}

const NONE: ReadonlySet<string> = new Set();

export function lookupRoute(cluster: Cluster, node: ClusterNode, dst: Ipv4, ipvsAddresses: ReadonlySet<string> = NONE): Route {
  // kube-ipvs0's addresses are in the local table (`ip route show table local`).
  if (ipvsAddresses.has(dst)) return { kind: 'local', text: `local ${dst} dev kube-ipvs0 table local proto kernel scope host src ${dst}` };
  if (isLocalAddress(node, dst)) return { kind: 'local', text: `local ${dst} dev lo table local` };
  if (cidrContains(node.podCidr, dst)) {
    return { kind: 'bridge', dev: 'cbr0', text: `${formatCidr(node.podCidr)} dev cbr0 proto kernel scope link src ${node.bridgeIp}` };
  }
  const other = cluster.nodes.find((n) => n.name !== node.name && cidrContains(n.podCidr, dst));
  if (other) return { kind: 'via-node', dev: 'eth0', node: other, text: `${formatCidr(other.podCidr)} via ${other.ip} dev eth0` };
  // The nodes share one L2 network: another node's own address, or a host on that network, is on-link.
  const text = `${dst} dev eth0 scope link (the node network)`;
  const peer = cluster.nodes.find((n) => n.name !== node.name && n.ip === dst);
  if (peer) return { kind: 'on-link', dev: 'eth0', node: peer, text };
  if (cluster.externalClients.some((c) => c.via === 'node-network' && c.ip === dst))
    return { kind: 'on-link', dev: 'eth0', node: null, text };
  return { kind: 'default', dev: 'eth0', text: DEFAULT_GATEWAY_NOTE };
}

/** The node a route hands the packet to over eth0 (another node), or null: a host on the wire or the default gateway. */
export const nextNode = (route: Route): ClusterNode | null => (route.kind === 'via-node' || route.kind === 'on-link' ? route.node : null);
