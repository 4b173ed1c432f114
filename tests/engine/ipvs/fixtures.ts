import { EMPTY_IPVS_STATE, type IpvsScheduler, type IpvsState, type RealServer, type VirtualServer } from '../../../src/ipvs';
import { ipv4 } from '../../../src/net/ipv4';
import type { Packet, Protocol, TcpFlag } from '../../../src/net/packet';

/** A real server with counters, as a test writes it. */
export const rs = (addr: string, weight = 1, activeConn = 0, inActConn = 0): RealServer => {
  const [ip = '', port = '0'] = addr.split(':');
  return { ip: ipv4(ip), port: Number(port), weight, forward: 'Masq', activeConn, inActConn };
};

/** A virtual server; `dests` in the kernel's list order (newest first). */
export const vs = (
  protocol: Protocol,
  addr: string,
  scheduler: IpvsScheduler,
  dests: RealServer[],
  persistent: null | { timeout: number } = null,
): VirtualServer => {
  const [ip = '', port = '0'] = addr.split(':');
  return { protocol, ip: ipv4(ip), port: Number(port), scheduler, persistent, realServers: dests };
};

export const stateOf = (...services: VirtualServer[]): IpvsState => ({ ...EMPTY_IPVS_STATE, virtualServers: services });

/** A packet from `src` ("ip:port") to `dst`. */
export const pkt = (src: string, dst: string, flags: TcpFlag[] = ['SYN'], protocol: Protocol = 'tcp'): Packet => {
  const [sip = '', sport = '0'] = src.split(':');
  const [dip = '', dport = '0'] = dst.split(':');
  return {
    srcMac: '00:00:00:00:00:01',
    dstMac: '00:00:00:00:00:02',
    srcIp: ipv4(sip),
    dstIp: ipv4(dip),
    protocol,
    srcPort: Number(sport),
    dstPort: Number(dport),
    flags: protocol === 'tcp' ? flags : [],
    ttl: 64,
  };
};
