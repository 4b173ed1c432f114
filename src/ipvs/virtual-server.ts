import { ipv4ToNumber, type Ipv4 } from '../net/ipv4';
import { PROTOCOL_NUMBER, type Protocol } from '../net/packet';
import type { IpvsState, RealServer, VirtualServer } from './types';

/** "TCP  10.96.0.10:53": the virtual service as `ipvsadm -Ln` names it, and its key. */
export function virtualServerKey(vs: { readonly protocol: Protocol; readonly ip: Ipv4; readonly port: number }): string {
  return `${vs.protocol.toUpperCase().padEnd(4)} ${vs.ip}:${vs.port}`;
}

/** "10.244.1.5:53". */
export function realServerKey(rs: { readonly ip: Ipv4; readonly port: number }): string {
  return `${rs.ip}:${rs.port}`;
}

/**
 * libipvs.c `ipvs_cmp_services`: address family, then protocol number (TCP 6 before
 * UDP 17 before SCTP 132), then the address as a number, then the port.
 */
export function compareVirtualServers(a: VirtualServer, b: VirtualServer): number {
  return PROTOCOL_NUMBER[a.protocol] - PROTOCOL_NUMBER[b.protocol] || ipv4ToNumber(a.ip) - ipv4ToNumber(b.ip) || a.port - b.port;
}

/** libipvs.c `ipvs_cmp_dests`: address, then port. */
export function compareRealServers(a: RealServer, b: RealServer): number {
  return ipv4ToNumber(a.ip) - ipv4ToNumber(b.ip) || a.port - b.port;
}

/** The virtual service a packet to `ip:port` hits (ip_vs_service_find), or null. */
export function findVirtualServer(state: IpvsState, protocol: Protocol, ip: Ipv4, port: number): VirtualServer | null {
  return state.virtualServers.find((vs) => vs.protocol === protocol && vs.ip === ip && vs.port === port) ?? null;
}

/** Replaces one virtual server (matched by key) and keeps the ipvsadm order. */
export function replaceVirtualServer(state: IpvsState, vs: VirtualServer): IpvsState {
  const key = virtualServerKey(vs);
  const others = state.virtualServers.filter((v) => virtualServerKey(v) !== key);
  return { ...state, virtualServers: [...others, vs].sort(compareVirtualServers) };
}

/** Applies `change` to the counters of one real server of one virtual server. */
export function adjustCounters(
  state: IpvsState,
  vsKey: string,
  rsKey: string,
  change: { readonly active: number; readonly inactive: number },
): IpvsState {
  if (change.active === 0 && change.inactive === 0) return state;
  return {
    ...state,
    virtualServers: state.virtualServers.map((vs) =>
      virtualServerKey(vs) !== vsKey
        ? vs
        : {
            ...vs,
            realServers: vs.realServers.map((rs) =>
              realServerKey(rs) !== rsKey
                ? rs
                : { ...rs, activeConn: rs.activeConn + change.active, inActConn: rs.inActConn + change.inactive },
            ),
          },
    ),
  };
}
