import type { Packet } from '../net/packet';
import { IPVS_TCP_TIMEOUTS, IPVS_UDP_TIMEOUT, isActiveState, nextTcpState, type IpvsDirection } from './tcp-states';
import type { IpvsConn, IpvsState } from './types';
import { adjustCounters, realServerKey, virtualServerKey } from './virtual-server';

/** The virtual-server key of a connection. */
export function connVirtualKey(c: IpvsConn): string {
  return virtualServerKey({ protocol: c.protocol, ip: c.virtualIp, port: c.virtualPort });
}

/** The real-server key of a connection. */
export function connRealKey(c: IpvsConn): string {
  return realServerKey({ ip: c.realIp, port: c.realPort });
}

/**
 * ip_vs_conn.c `ip_vs_conn_in_get` (original: client -> VIP:vport) and
 * `ip_vs_conn_out_get` (reply: real server -> client): the connection a later packet
 * belongs to, or null. One hash lookup in the kernel's connection table either way.
 */
export function lookupIpvsConn(state: IpvsState, packet: Packet, direction: IpvsDirection): IpvsConn | null {
  const found = state.connections.find((c) =>
    c.protocol !== packet.protocol
      ? false
      : direction === 'original'
        ? c.clientIp === packet.srcIp && c.clientPort === packet.srcPort && c.virtualIp === packet.dstIp && c.virtualPort === packet.dstPort
        : c.realIp === packet.srcIp && c.realPort === packet.srcPort && c.clientIp === packet.dstIp && c.clientPort === packet.dstPort,
  );
  return found ?? null;
}

/**
 * One packet's state transition (`pp->state_transition`, ip_vs_set_state): TCP follows
 * ip_vs_proto_tcp.c `set_tcp_state`, moving the connection between the real server's
 * ActiveConn and InActConn when it enters or leaves an active state; UDP only rearms
 * its 300 s timer (ip_vs_proto_udp.c `udp_state_transition`) and stays inactive.
 */
export function transitionConn(
  state: IpvsState,
  conn: IpvsConn,
  packet: Packet,
  direction: IpvsDirection,
  now: number,
): { readonly state: IpvsState; readonly conn: IpvsConn } {
  if (conn.protocol !== 'tcp') {
    const next = { ...conn, expiresAt: now + IPVS_UDP_TIMEOUT };
    return { state: replaceConn(state, next), conn: next };
  }
  const newState = nextTcpState(conn.state, packet, direction);
  let inactive = conn.inactive;
  let counters = state;
  if (newState !== conn.state) {
    if (!inactive && !isActiveState(newState)) {
      inactive = true;
      counters = adjustCounters(state, connVirtualKey(conn), connRealKey(conn), { active: -1, inactive: 1 });
    } else if (inactive && isActiveState(newState)) {
      inactive = false;
      counters = adjustCounters(state, connVirtualKey(conn), connRealKey(conn), { active: 1, inactive: -1 });
    }
  }
  const next: IpvsConn = { ...conn, state: newState, inactive, expiresAt: now + IPVS_TCP_TIMEOUTS[newState] };
  return { state: replaceConn(counters, next), conn: next };
}

function replaceConn(state: IpvsState, conn: IpvsConn): IpvsState {
  return { ...state, connections: state.connections.map((c) => (c.id === conn.id ? conn : c)) };
}

/**
 * A later packet of a known connection (`ip_vs_in` / `ip_vs_out` after the lookup):
 * applies the state transition and rearms the timer. Unknown ids leave the state as is.
 *
 * @example updateIpvsConn(state, conn.id, ackPacket, 'original', 0.002)
 */
export function updateIpvsConn(
  state: IpvsState,
  id: number,
  packet: Packet,
  direction: IpvsDirection,
  now: number,
): { readonly state: IpvsState; readonly conn: IpvsConn | null } {
  const conn = state.connections.find((c) => c.id === id);
  if (conn === undefined) return { state, conn: null };
  return transitionConn(state, conn, packet, direction, now);
}

/**
 * ip_vs_conn.c `ip_vs_conn_expire`: drops connections whose timer fired (expiresAt <= now),
 * taking them off their real server's counter (`ip_vs_unbind_dest`), then templates that
 * expired and control no connection any more (a template with controlled connections
 * is re-armed instead of freed).
 */
export function expireIpvsConns(state: IpvsState, now: number): IpvsState {
  let next = state;
  const keep: IpvsConn[] = [];
  for (const c of state.connections) {
    if (c.expiresAt > now) {
      keep.push(c);
      continue;
    }
    const change = c.inactive ? { active: 0, inactive: -1 } : { active: -1, inactive: 0 };
    next = adjustCounters(next, connVirtualKey(c), connRealKey(c), change);
  }
  const controlling = new Set(keep.map((c) => c.templateId));
  const templates = next.templates.filter((t) => t.expiresAt > now || controlling.has(t.id));
  return { ...next, connections: keep, templates };
}
