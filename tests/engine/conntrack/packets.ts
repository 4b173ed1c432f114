import { ipv4 } from '../../../src/net/ipv4';
import type { Packet, Protocol, TcpFlag } from '../../../src/net/packet';

/** "10.244.1.2:39916" -> "10.96.0.10:80" as a packet (MACs and TTL are irrelevant to conntrack). */
export function pkt(from: string, to: string, protocol: Protocol = 'tcp', flags: readonly TcpFlag[] = []): Packet {
  const [srcIp = '', srcPort = '0'] = from.split(':');
  const [dstIp = '', dstPort = '0'] = to.split(':');
  return {
    srcMac: '02:00:00:00:00:01',
    dstMac: '02:00:00:00:00:02',
    srcIp: ipv4(srcIp),
    dstIp: ipv4(dstIp),
    protocol,
    srcPort: Number(srcPort),
    dstPort: Number(dstPort),
    flags,
    ttl: 64,
  };
}

export const tcp = (from: string, to: string, ...flags: TcpFlag[]) => pkt(from, to, 'tcp', flags);
export const udp = (from: string, to: string) => pkt(from, to, 'udp');
export const sctp = (from: string, to: string) => pkt(from, to, 'sctp');
