import { cidrContains, parseCidr } from '../net/cidr';
import { ipv4ToNumber, parseIpv4, type Ipv4 } from '../net/ipv4';
import type { Protocol, StepPacket } from '../net/packet';

/** The ipset types kube-proxy uses (pkg/proxy/ipvs/ipset/types.go). */
export type IpsetType = 'hash:ip' | 'hash:ip,port' | 'hash:ip,port,ip' | 'hash:ip,port,net' | 'bitmap:port';

/** One ipset: its members in kube-proxy's `Entry.String()` form ("10.96.0.10,udp:53"). */
export interface Ipset {
  readonly name: string;
  readonly type: IpsetType;
  /** The comment kube-proxy writes on the iptables rules that use the set (not on the set). */
  readonly comment: string;
  readonly members: readonly string[];
  /** How many iptables rules match against the set (`References:` in `ipset list`). */
  readonly references: number;
}

/** The sets kube-proxy's IPVS proxier creates (proxier.go `ipsetInfo`, ipset.go comments), in that order. */
export const KUBE_IPSETS: readonly { readonly name: string; readonly type: IpsetType; readonly comment: string }[] = [
  { name: 'KUBE-LOOP-BACK', type: 'hash:ip,port,ip', comment: 'Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose' },
  { name: 'KUBE-CLUSTER-IP', type: 'hash:ip,port', comment: 'Kubernetes service cluster ip + port for masquerade purpose' },
  { name: 'KUBE-EXTERNAL-IP', type: 'hash:ip,port', comment: 'Kubernetes service external ip + port for masquerade and filter purpose' },
  {
    name: 'KUBE-EXTERNAL-IP-LOCAL',
    type: 'hash:ip,port',
    comment: 'Kubernetes service external ip + port with externalTrafficPolicy=local',
  },
  { name: 'KUBE-LOAD-BALANCER', type: 'hash:ip,port', comment: 'Kubernetes service lb portal' },
  {
    name: 'KUBE-LOAD-BALANCER-FW',
    type: 'hash:ip,port',
    comment: 'Kubernetes service load balancer ip + port for load balancer with sourceRange',
  },
  {
    name: 'KUBE-LOAD-BALANCER-LOCAL',
    type: 'hash:ip,port',
    comment: 'Kubernetes service load balancer ip + port with externalTrafficPolicy=local',
  },
  {
    name: 'KUBE-LOAD-BALANCER-SOURCE-IP',
    type: 'hash:ip,port,ip',
    comment: 'Kubernetes service load balancer ip + port + source IP for packet filter purpose',
  },
  {
    name: 'KUBE-LOAD-BALANCER-SOURCE-CIDR',
    type: 'hash:ip,port,net',
    comment: 'Kubernetes service load balancer ip + port + source cidr for packet filter purpose',
  },
  { name: 'KUBE-NODE-PORT-TCP', type: 'bitmap:port', comment: 'Kubernetes nodeport TCP port for masquerade purpose' },
  { name: 'KUBE-NODE-PORT-LOCAL-TCP', type: 'bitmap:port', comment: 'Kubernetes nodeport TCP port with externalTrafficPolicy=local' },
  { name: 'KUBE-NODE-PORT-UDP', type: 'bitmap:port', comment: 'Kubernetes nodeport UDP port for masquerade purpose' },
  { name: 'KUBE-NODE-PORT-LOCAL-UDP', type: 'bitmap:port', comment: 'Kubernetes nodeport UDP port with externalTrafficPolicy=local' },
  {
    name: 'KUBE-NODE-PORT-SCTP-HASH',
    type: 'hash:ip,port',
    comment: "Kubernetes nodeport SCTP port for masquerade purpose with type 'hash ip:port'",
  },
  {
    name: 'KUBE-NODE-PORT-LOCAL-SCTP-HASH',
    type: 'hash:ip,port',
    comment: "Kubernetes nodeport SCTP port with externalTrafficPolicy=local with type 'hash ip:port'",
  },
  { name: 'KUBE-HEALTH-CHECK-NODE-PORT', type: 'bitmap:port', comment: 'Kubernetes health check node port' },
  { name: 'KUBE-IPVS-IPS', type: 'hash:ip', comment: 'Addresses on the ipvs interface' },
];

/** pkg/proxy/ipvs/ipset/ipset.go `Entry.String` for hash:ip,port: "10.96.0.10,tcp:53". */
export function ipPortEntry(ip: string, protocol: Protocol, port: number): string {
  return `${ip},${protocol}:${port}`;
}

/** `Entry.String` for hash:ip,port,ip: "10.244.1.5,tcp:53,10.244.1.5". */
export function ipPortIpEntry(ip: string, protocol: Protocol, port: number, ip2: string): string {
  return `${ip},${protocol}:${port},${ip2}`;
}

/** The flags of `-m set --match-set NAME FLAGS`: which packet field each dimension reads. */
export type IpsetFlags = string;

function field(packet: StepPacket, dir: string | undefined, kind: 'ip' | 'port'): number | null {
  if (dir !== 'src' && dir !== 'dst') return null;
  if (kind === 'ip') return ipv4ToNumber(dir === 'src' ? packet.srcIp : packet.dstIp);
  return dir === 'src' ? packet.srcPort : packet.dstPort;
}

function memberMatches(type: IpsetType, member: string, packet: StepPacket, dirs: readonly string[]): boolean {
  const parts = member.split(',');
  if (type === 'bitmap:port') return field(packet, dirs[0], 'port') === Number(member);
  const ip = parseIpv4(parts[0] ?? '');
  if (!ip.ok || field(packet, dirs[0], 'ip') !== ipv4ToNumber(ip.value)) return false;
  if (type === 'hash:ip') return true;
  const [proto, port] = (parts[1] ?? '').split(':');
  if (proto !== packet.protocol || field(packet, dirs[1], 'port') !== Number(port)) return false;
  if (type === 'hash:ip,port') return true;
  const third = parts[2] ?? '';
  const thirdIp = field(packet, dirs[2], 'ip');
  if (thirdIp === null) return false;
  if (type === 'hash:ip,port,ip') {
    const ip2 = parseIpv4(third);
    return ip2.ok && ipv4ToNumber(ip2.value) === thirdIp;
  }
  const cidr = parseCidr(third);
  return cidr.ok && cidrContains(cidr.value, (dirs[2] === 'src' ? packet.srcIp : packet.dstIp) as Ipv4);
}

/**
 * xt_set.c `set_match_v4` / the type's kadt function: does the packet, read through
 * `flags` ("dst,dst" = destination IP and destination port; "dst,dst,src" adds the
 * source IP), hit a member of the set? A set needs at least as many flags as it has
 * dimensions. Port types check the packet's protocol against the member's
 * (hash:ip,port); bitmap:port does not (kube-proxy adds `-p tcp` to those rules).
 *
 * @example ipsetMatches(clusterIpSet, packetTo10_96_0_10_53_udp, 'dst,dst') // true
 */
export function ipsetMatches(set: Ipset, packet: StepPacket, flags: IpsetFlags): boolean {
  const dirs = flags.split(',');
  const dimensions = set.type === 'bitmap:port' || set.type === 'hash:ip' ? 1 : set.type === 'hash:ip,port' ? 2 : 3;
  if (dirs.length < dimensions) return false;
  return set.members.some((m) => memberMatches(set.type, m, packet, dirs));
}
