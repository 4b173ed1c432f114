import type { Packet } from '../net/packet';
import type { Rng } from '../net/rng';
import { connRealKey, connVirtualKey, transitionConn } from './ipvs-conn';
import { runScheduler } from './scheduler';
import type { IpvsConn, IpvsState, IpvsTemplate, RealServer, VirtualServer } from './types';
import { adjustCounters, findVirtualServer, realServerKey, virtualServerKey } from './virtual-server';

/** Why IPVS did not create a connection for a packet. */
export type IpvsNoScheduleReason =
  /** No virtual service at dst ip:port/protocol: IPVS lets the packet through untouched. */
  | 'no-virtual-server'
  /** A TCP segment without SYN (or with RST) does not start a connection (tcp_conn_schedule). */
  | 'not-syn'
  /** The scheduler found no dest with weight > 0: "no destination available". */
  | 'no-destination';

export type IpvsScheduleResult =
  | {
      readonly via: 'scheduled' | 'persistent';
      readonly state: IpvsState;
      readonly conn: IpvsConn;
      readonly realServer: RealServer;
      readonly virtualServer: VirtualServer;
    }
  | { readonly via: 'none'; readonly state: IpvsState; readonly reason: IpvsNoScheduleReason };

/**
 * The first packet of a connection reaching a virtual service (ip_vs_core.c
 * `ip_vs_schedule`): with persistence, a live template for the client IP picks the real
 * server (`ip_vs_sched_persist`); otherwise the service's scheduler does. The new
 * connection starts inactive (the dest's conn_flags carry IP_VS_CONN_F_INACTIVE), then
 * this same packet's state transition runs, as `ip_vs_in` does right after scheduling,
 * so a SYN leaves it in SYN_RECV. No IPVS scheduler is random: `rng` is accepted only so
 * callers can pass theirs uniformly.
 *
 * @example scheduleConnection(state, synTo10_96_0_10_53, 0)
 */
export function scheduleConnection(state: IpvsState, packet: Packet, now: number, _rng?: Rng): IpvsScheduleResult {
  const vs = findVirtualServer(state, packet.protocol, packet.dstIp, packet.dstPort);
  if (vs === null) return { via: 'none', state, reason: 'no-virtual-server' };
  if (packet.protocol === 'tcp' && (!packet.flags.includes('SYN') || packet.flags.includes('RST'))) {
    return { via: 'none', state, reason: 'not-syn' };
  }
  const vsKey = virtualServerKey(vs);
  let next = state;
  let dest: RealServer | undefined;
  let via: 'scheduled' | 'persistent' = 'scheduled';
  let templateId: number | null = null;

  if (vs.persistent !== null) {
    const t = next.templates.find(
      (x) => x.protocol === vs.protocol && x.clientIp === packet.srcIp && x.virtualIp === vs.ip && x.virtualPort === vs.port,
    );
    // ip_vs_check_template with expire_quiescent_template=1 (kube-proxy sets it): a template
    // whose dest is gone or at weight 0 is dropped and the client is scheduled afresh.
    // A template whose timer fired is still alive while it controls connections
    // (ip_vs_conn_expire re-arms a template with n_control > 0).
    const alive = t !== undefined && (t.expiresAt > now || next.connections.some((c) => c.templateId === t.id && c.expiresAt > now));
    const tDest = alive ? vs.realServers.find((r) => r.ip === t.realIp && r.port === t.realPort) : undefined;
    if (t !== undefined && tDest !== undefined && tDest.weight > 0) {
      dest = tDest;
      via = 'persistent';
      templateId = t.id;
      // ip_vs_conn_put(ct) re-arms the template with the persistence timeout.
      next = { ...next, templates: next.templates.map((x) => (x.id === t.id ? { ...x, expiresAt: now + vs.persistent!.timeout } : x)) };
    } else if (t !== undefined) {
      next = { ...next, templates: next.templates.filter((x) => x.id !== t.id) };
    }
  }

  if (dest === undefined) {
    const pick = runScheduler(vs, packet, next.schedulerState[vsKey] ?? {});
    next = { ...next, schedulerState: { ...next.schedulerState, [vsKey]: pick.memory } };
    dest = pick.index === null ? undefined : vs.realServers[pick.index];
    if (dest === undefined) return { via: 'none', state: next, reason: 'no-destination' };
    if (vs.persistent !== null) {
      const template: IpvsTemplate = {
        id: next.nextId,
        protocol: vs.protocol,
        clientIp: packet.srcIp,
        virtualIp: vs.ip,
        virtualPort: vs.port,
        realIp: dest.ip,
        realPort: dest.port,
        expiresAt: now + vs.persistent.timeout,
      };
      templateId = template.id;
      next = { ...next, templates: [...next.templates, template], nextId: next.nextId + 1 };
    }
  }

  const created: IpvsConn = {
    id: next.nextId,
    protocol: packet.protocol,
    clientIp: packet.srcIp,
    clientPort: packet.srcPort,
    virtualIp: vs.ip,
    virtualPort: vs.port,
    realIp: dest.ip,
    realPort: dest.port,
    state: packet.protocol === 'tcp' ? 'NONE' : 'UDP',
    // ip_vs_conn_new sets a 3 s timer; the transition below replaces it at once.
    expiresAt: now + 3,
    inactive: true,
    templateId,
  };
  next = { ...next, connections: [...next.connections, created], nextId: next.nextId + 1 };
  next = adjustCounters(next, vsKey, connRealKey(created), { active: 0, inactive: 1 });
  const moved = transitionConn(next, created, packet, 'original', now);
  const finalVs = moved.state.virtualServers.find((v) => virtualServerKey(v) === connVirtualKey(created)) ?? vs;
  const finalRs = finalVs.realServers.find((r) => realServerKey(r) === realServerKey(dest)) ?? dest;
  return { via, state: moved.state, conn: moved.conn, realServer: finalRs, virtualServer: finalVs };
}
