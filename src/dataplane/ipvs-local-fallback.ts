import { ipsetMatches } from '../ipvs/ipset';
import type { Packet } from '../net/packet';
import type { NodeKernel, World } from './world';

/** The sets kube-proxy puts a Service's external addresses in when externalTrafficPolicy is Local, with the protocol a bitmap:port set is for. */
const LOCAL_SETS: Readonly<Record<string, string | null>> = {
  'KUBE-NODE-PORT-LOCAL-TCP': 'tcp',
  'KUBE-NODE-PORT-LOCAL-UDP': 'udp',
  'KUBE-NODE-PORT-LOCAL-SCTP-HASH': null,
  'KUBE-LOAD-BALANCER-LOCAL': null,
  'KUBE-EXTERNAL-IP-LOCAL': null,
};

/**
 * Whether IPVS sends a packet for an externalTrafficPolicy Local address (in a -LOCAL set)
 * to a real server that is not on this node: the node has no local endpoint, and
 * kube-proxy's `syncEndpoint` gave the virtual server every endpoint (kubernetes#97081).
 */
export function isLocalFallback(world: World, kernel: NodeKernel, packet: Packet, realIp: string): boolean {
  const local = kernel.ipsets.some((set) => {
    if (!Object.hasOwn(LOCAL_SETS, set.name)) return false;
    const protocol = LOCAL_SETS[set.name];
    if (protocol !== null && protocol !== packet.protocol) return false;
    return ipsetMatches(set, packet, set.type === 'bitmap:port' ? 'dst' : 'dst,dst');
  });
  return local && !world.cluster.pods.some((p) => p.node === kernel.node.name && p.ip === realIp);
}
