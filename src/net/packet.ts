import type { Ipv4 } from './ipv4';

/** Transport protocols kube-proxy programs rules for (lower-case, as in its chain hashes). */
export type Protocol = 'tcp' | 'udp' | 'sctp';
export const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp', 'sctp'];
/** IANA protocol numbers, as `conntrack -L` prints them. */
export const PROTOCOL_NUMBER: Readonly<Record<Protocol, number>> = { tcp: 6, udp: 17, sctp: 132 };

export type TcpFlag = 'SYN' | 'ACK' | 'FIN' | 'RST' | 'PSH';

/** An Ethernet + IPv4 + L4 header: the part of a packet the walk reads and rewrites. */
export interface Packet {
  readonly srcMac: string;
  readonly dstMac: string;
  readonly srcIp: Ipv4;
  readonly dstIp: Ipv4;
  readonly protocol: Protocol;
  readonly srcPort: number;
  readonly dstPort: number;
  /** TCP flags, in canonical order; empty for UDP and SCTP. */
  readonly flags: readonly TcpFlag[];
  readonly ttl: number;
}

/** The part of a refused packet an ICMP error quotes: its IP header and the start of its TCP, UDP or SCTP header. */
export type QuotedPacket = Pick<Packet, 'srcIp' | 'dstIp' | 'protocol' | 'srcPort' | 'dstPort' | 'flags' | 'ttl'>;

/** ICMP's "destination unreachable" error (type 3) with the code REJECT and IPVS send: 3, port unreachable. */
export interface IcmpError {
  readonly type: 3;
  readonly code: 3;
  /**
   * The packet the error is about, as it was when it was refused (a forwarded
   * one with its TTL already decremented). RFC 792 asks for its IP header and 8
   * bytes more; Linux's icmp_send quotes as much as fits in 576 bytes, here all of it.
   */
  readonly quoted: QuotedPacket;
}

/**
 * An ICMP error a node sends back about a packet it refused. Ports and flags
 * stay 0 and empty (ICMP has neither); the packet it is about is `icmp.quoted`.
 */
export interface IcmpPacket extends Omit<Packet, 'protocol'> {
  readonly protocol: 'icmp';
  readonly icmp: IcmpError;
}

/** What a step can carry: a TCP, UDP or SCTP packet, or an ICMP error about one. */
export type StepPacket = Packet | IcmpPacket;

/** "SYN", "SYN,ACK", "ACK"; "" for no flags. */
export function formatFlags(flags: readonly TcpFlag[]): string {
  return flags.join(',');
}

/** "10.244.1.2:39916". */
export function formatEndpoint(ip: Ipv4, port: number): string {
  return `${ip}:${port}`;
}

/** An address as a step's packet carries it: "10.244.1.2:39916", or just the IP for ICMP, which has no ports. */
export function packetAddress(p: StepPacket, side: 'src' | 'dst'): string {
  const ip = side === 'src' ? p.srcIp : p.dstIp;
  return p.protocol === 'icmp' ? ip : formatEndpoint(ip, side === 'src' ? p.srcPort : p.dstPort);
}

/** "10.244.1.2:39916 -> 10.96.0.10:80 TCP": the refused packet an ICMP error quotes. */
export function formatQuoted(q: QuotedPacket): string {
  return `${formatEndpoint(q.srcIp, q.srcPort)} -> ${formatEndpoint(q.dstIp, q.dstPort)} ${q.protocol.toUpperCase()}`;
}

/** True when a port number is a valid L4 port (1..65535). */
export function isPort(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;
}
