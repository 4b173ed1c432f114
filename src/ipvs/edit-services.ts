import type { Ipv4 } from '../net/ipv4';
import type { Protocol } from '../net/packet';
import { connRealKey, connVirtualKey } from './ipvs-conn';
import { rrPositionAfterDelete } from './schedule-rr';
import { schedulerAfterDestChange } from './scheduler';
import type { IpvsScheduler, IpvsState, RealServer, VirtualServer } from './types';
import { realServerKey, replaceVirtualServer, virtualServerKey } from './virtual-server';

/** What `ipvsadm -A/-E` sets on a virtual service. */
export interface VirtualServerSpec {
  readonly protocol: Protocol;
  readonly ip: Ipv4;
  readonly port: number;
  readonly scheduler: IpvsScheduler;
  readonly persistent: null | { readonly timeout: number };
}

function findByKey(state: IpvsState, vsKey: string): VirtualServer | undefined {
  return state.virtualServers.find((v) => virtualServerKey(v) === vsKey);
}

function withDests(state: IpvsState, vs: VirtualServer, dests: readonly RealServer[], memoryHook = true): IpvsState {
  const key = virtualServerKey(vs);
  const memory = state.schedulerState[key] ?? {};
  const nextMemory = memoryHook ? schedulerAfterDestChange(vs, dests, memory) : memory;
  return replaceVirtualServer({ ...state, schedulerState: { ...state.schedulerState, [key]: nextMemory } }, { ...vs, realServers: dests });
}

/** `ipvsadm -A` (new service, no dests) or `-E` (edit: a new scheduler starts with fresh memory). */
export function upsertVirtualServer(state: IpvsState, spec: VirtualServerSpec): IpvsState {
  const key = virtualServerKey(spec);
  const existing = findByKey(state, key);
  if (existing === undefined) return replaceVirtualServer(state, { ...spec, realServers: [] });
  const sameScheduler = existing.scheduler === spec.scheduler;
  const schedulerState = sameScheduler ? state.schedulerState : { ...state.schedulerState, [key]: {} };
  return replaceVirtualServer({ ...state, schedulerState }, { ...existing, ...spec });
}

/** `ipvsadm -a`: the dest goes to the head of the list (list_add_rcu), counters at 0. */
export function addRealServer(state: IpvsState, vsKey: string, ip: Ipv4, port: number, weight: number): IpvsState {
  const vs = findByKey(state, vsKey);
  if (vs === undefined || vs.realServers.some((r) => r.ip === ip && r.port === port)) return state;
  const rs: RealServer = { ip, port, weight, forward: 'Masq', activeConn: 0, inActConn: 0 };
  return withDests(state, vs, [rs, ...vs.realServers]);
}

/** `ipvsadm -e`: a weight change (0 = quiesce: keep existing connections, take no new ones). */
export function setRealServerWeight(state: IpvsState, vsKey: string, rsKey: string, weight: number): IpvsState {
  const vs = findByKey(state, vsKey);
  if (vs === undefined) return state;
  const current = vs.realServers.find((r) => realServerKey(r) === rsKey);
  if (current === undefined || current.weight === weight) return state;
  return withDests(
    state,
    vs,
    vs.realServers.map((r) => (realServerKey(r) === rsKey ? { ...r, weight } : r)),
  );
}

/**
 * `ipvsadm -d`: unlinks the dest (ip_vs_rr_del_dest moves rr's position back one).
 * Its connections and templates go with it: kube-proxy sets expire_nodest_conn=1, so the
 * kernel drops them on their next packet; here they go at once.
 */
export function deleteRealServer(state: IpvsState, vsKey: string, rsKey: string): IpvsState {
  const vs = findByKey(state, vsKey);
  if (vs === undefined) return state;
  const memory = state.schedulerState[vsKey] ?? {};
  const rr = memory.rr === undefined ? {} : { rr: rrPositionAfterDelete(vs.realServers, rsKey, memory.rr) };
  const withMemory = { ...state, schedulerState: { ...state.schedulerState, [vsKey]: { ...memory, ...rr } } };
  const next = withDests(
    withMemory,
    vs,
    vs.realServers.filter((r) => realServerKey(r) !== rsKey),
  );
  return {
    ...next,
    connections: next.connections.filter((c) => !(connVirtualKey(c) === vsKey && connRealKey(c) === rsKey)),
    templates: next.templates.filter(
      (t) =>
        !(
          virtualServerKey({ protocol: t.protocol, ip: t.virtualIp, port: t.virtualPort }) === vsKey &&
          `${t.realIp}:${t.realPort}` === rsKey
        ),
    ),
  };
}

/** `ipvsadm -D`: the service, its connections, templates and scheduler memory. */
export function deleteVirtualServer(state: IpvsState, vsKey: string): IpvsState {
  const { [vsKey]: _dropped, ...schedulerState } = state.schedulerState;
  return {
    ...state,
    virtualServers: state.virtualServers.filter((v) => virtualServerKey(v) !== vsKey),
    connections: state.connections.filter((c) => connVirtualKey(c) !== vsKey),
    templates: state.templates.filter((t) => virtualServerKey({ protocol: t.protocol, ip: t.virtualIp, port: t.virtualPort }) !== vsKey),
    schedulerState,
  };
}
