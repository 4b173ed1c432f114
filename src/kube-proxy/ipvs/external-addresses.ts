import { ipPortEntry, ipPortIpEntry } from '../../ipvs/ipset';
import type { Protocol } from '../../net/packet';
import { cidrContainsIp, parseIp, parseIpCidr } from '../ip-address';
import type { ServicePortInfo } from '../service-port';

/** One virtual server a Service port needs besides its ClusterIP's. */
export interface ExternalVirtualServer {
  readonly ip: string;
  readonly port: number;
  /** Bound to kube-ipvs0 (external and load balancer IPs); a node IP already is the node's own. */
  readonly bind: boolean;
}

/** What one Service port adds to the IPVS proxier's sets and virtual servers beyond its ClusterIP. */
export interface ExternalAddresses {
  /** Members per set name, in kube-proxy's `Entry.String` form. */
  readonly entries: ReadonlyMap<string, readonly string[]>;
  readonly servers: readonly ExternalVirtualServer[];
}

/** The node-port sets by protocol: bitmap:port for TCP and UDP, hash:ip,port (one entry per node IP) for SCTP. */
const NODE_PORT_SETS: Readonly<Record<Protocol, { readonly cluster: string; readonly local: string }>> = {
  tcp: { cluster: 'KUBE-NODE-PORT-TCP', local: 'KUBE-NODE-PORT-LOCAL-TCP' },
  udp: { cluster: 'KUBE-NODE-PORT-UDP', local: 'KUBE-NODE-PORT-LOCAL-UDP' },
  sctp: { cluster: 'KUBE-NODE-PORT-SCTP-HASH', local: 'KUBE-NODE-PORT-LOCAL-SCTP-HASH' },
};

/**
 * proxier.go `syncProxyRules`, the part after the ClusterIP: each externalIP goes into
 * KUBE-EXTERNAL-IP (or -LOCAL with externalTrafficPolicy Local) and gets a virtual server
 * bound to kube-ipvs0; each load balancer IP into KUBE-LOAD-BALANCER (plus -LOCAL, and
 * with source ranges -FW, -SOURCE-CIDR per range and -SOURCE-IP when a range holds the
 * node's IP) with a bound virtual server; a node port into KUBE-NODE-PORT-<proto> (plus
 * -LOCAL-) and one virtual server per node IP, not bound; the health-check node port into
 * KUBE-HEALTH-CHECK-NODE-PORT.
 *
 * @example externalAddresses(sp, '192.168.0.11', ['192.168.0.11']).servers[0] // { ip: '192.168.0.11', port: 30080, bind: false }
 */
export function externalAddresses(sp: ServicePortInfo, nodeIP: string, nodeIPs: readonly string[]): ExternalAddresses {
  const entries = new Map<string, string[]>();
  const add = (set: string, entry: string) => entries.set(set, [...(entries.get(set) ?? []), entry]);
  const servers: ExternalVirtualServer[] = [];
  const protocol = sp.protocol as Protocol;
  const local = sp.externalPolicyLocal;
  for (const ip of sp.externalIPs) {
    add(local ? 'KUBE-EXTERNAL-IP-LOCAL' : 'KUBE-EXTERNAL-IP', ipPortEntry(ip, protocol, sp.port));
    servers.push({ ip, port: sp.port, bind: true });
  }
  const node = parseIp(nodeIP);
  for (const ip of sp.loadBalancerVIPs) {
    const entry = ipPortEntry(ip, protocol, sp.port);
    add('KUBE-LOAD-BALANCER', entry);
    if (local) add('KUBE-LOAD-BALANCER-LOCAL', entry);
    if (sp.loadBalancerSourceRanges.length > 0) {
      add('KUBE-LOAD-BALANCER-FW', entry);
      for (const range of sp.loadBalancerSourceRanges) add('KUBE-LOAD-BALANCER-SOURCE-CIDR', `${entry},${range}`);
      // A range holding the node's own IP also lets the node itself reach the load balancer's IP.
      const fromNode = sp.loadBalancerSourceRanges.some((r) => {
        const cidr = parseIpCidr(r);
        return cidr !== null && node !== null && cidrContainsIp(cidr, node);
      });
      if (fromNode) add('KUBE-LOAD-BALANCER-SOURCE-IP', ipPortIpEntry(ip, protocol, sp.port, ip));
    }
    servers.push({ ip, port: sp.port, bind: true });
  }
  if (sp.nodePort !== 0 && nodeIPs.length > 0) {
    const sets = NODE_PORT_SETS[protocol];
    const portEntries = protocol === 'sctp' ? nodeIPs.map((ip) => ipPortEntry(ip, protocol, sp.nodePort)) : [String(sp.nodePort)];
    for (const e of portEntries) add(sets.cluster, e);
    if (local) for (const e of portEntries) add(sets.local, e);
    for (const ip of nodeIPs) servers.push({ ip, port: sp.nodePort, bind: false });
  }
  if (sp.healthCheckNodePort !== 0) add('KUBE-HEALTH-CHECK-NODE-PORT', String(sp.healthCheckNodePort));
  return { entries, servers };
}
