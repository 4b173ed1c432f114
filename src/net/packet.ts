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

/** "SYN", "SYN,ACK", "ACK"; "" for no flags. */
export function formatFlags(flags: readonly TcpFlag[]): string {
  return flags.join(',');
}

/** "10.244.1.2:39916". */
export function formatEndpoint(ip: Ipv4, port: number): string {
  return `${ip}:${port}`;
}

/** True when a port number is a valid L4 port (1..65535). */
export function isPort(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;
}
