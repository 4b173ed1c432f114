import { addRealServer, deleteRealServer, setRealServerWeight, upsertVirtualServer } from '../../ipvs/edit-services';
import { ipPortEntry, ipPortIpEntry, KUBE_IPSETS, type Ipset } from '../../ipvs/ipset';
import {
  EMPTY_IPVS_STATE,
  type IpvsConn,
  type IpvsScheduler,
  type IpvsState,
  type IpvsTemplate,
  type RealServer,
  type SchedulerMemory,
  type VirtualServer,
} from '../../ipvs/types';
import { compareVirtualServers, realServerKey, virtualServerKey } from '../../ipvs/virtual-server';
import { connVirtualKey } from '../../ipvs/ipvs-conn';
import { ipv4, ipv4ToNumber, type Ipv4 } from '../../net/ipv4';
import type { Protocol } from '../../net/packet';
import { categorizeEndpoints } from '../categorize-endpoints';
import type { EndpointSliceInput } from '../endpoint-slice';
import { buildEndpointsMap, servicePortKey, type EndpointInfo } from '../endpoints-map';
import type { ProxierConfig } from '../proxier-config';
import type { ServiceInput } from '../service';
import { servicePortsOf, type ServicePortInfo } from '../service-port';
import { countSetReferences, formatIpvsIptablesRestore } from './iptables-rules';

export interface SyncIpvsOptions {
  /** kube-proxy's `ipvs.scheduler`, the same for every virtual service (default rr). */
  readonly scheduler?: IpvsScheduler;
}

export interface SyncIpvsResult {
  readonly state: IpvsState;
  /** Every address bound to kube-ipvs0 (each ClusterIP, as /32), in numeric order. */
  readonly dummyAddresses: readonly string[];
  /** kube-proxy's sets (proxier.go `ipsetInfo` order), empty ones included. */
  readonly ipsets: readonly Ipset[];
  /** The nat and filter tables kube-proxy restores, with the built-in chains' jumps. */
  readonly iptablesRestore: string;
}

const PROTOCOLS: readonly string[] = ['tcp', 'udp', 'sctp'];

/**
 * graceful_termination.go `IsRsGracefulTerminationNeeded`: TCP real servers drain at
 * weight 0; UDP and SCTP ones are deleted at once (expire_nodest_conn cleans up).
 */
function drainsGracefully(protocol: Protocol): boolean {
  return protocol === 'tcp';
}

/** The endpoints a virtual service gets (proxier.go `syncEndpoint`). */
function endpointsFor(
  sp: ServicePortInfo,
  endpoints: ReadonlyMap<string, readonly EndpointInfo[]>,
  config: ProxierConfig,
): { readonly all: readonly EndpointInfo[]; readonly chosen: readonly EndpointInfo[] } {
  const all = endpoints.get(servicePortKey(sp.serviceKey, sp.portName, sp.apiProtocol)) ?? [];
  const cat = categorizeEndpoints(all, sp, { nodeName: config.nodeName, ...(config.nodeZone ? { zone: config.nodeZone } : {}) });
  // ClusterIP traffic: onlyNodeLocalEndpoints = internalTrafficPolicy Local, with the
  // fallback to cluster endpoints when no local one exists (kubernetes#97081).
  const chosen = sp.internalPolicyLocal && cat.localEndpoints.length > 0 ? cat.localEndpoints : cat.clusterEndpoints;
  return { all, chosen };
}

/**
 * kube-proxy's IPVS proxier `syncProxyRules` for ClusterIP services: one virtual service
 * per (ClusterIP, port, protocol) with the node's scheduler and, for sessionAffinity
 * ClientIP, persistence with the affinity timeout; one real server (weight 1, Masq) per
 * usable endpoint; each ClusterIP bound to kube-ipvs0; the ipsets and iptables rules.
 * Against `previous`, a removed endpoint's TCP real server stays at weight 0 while it
 * still has connections (GracefulTerminationManager); UDP/SCTP ones go at once; services
 * that disappeared are deleted. NodePort, LoadBalancer and externalIP virtual services
 * are not simulated yet. kube-proxy walks Go maps (random order); here endpoints are
 * added in sorted "ip:port" order, so the kernel list (newest first) is reverse-sorted.
 *
 * @example syncIpvs(TEST_PROXIER_CONFIG, [kubeDns], [kubeDnsSlice], undefined, { scheduler: 'rr' })
 */
export function syncIpvs(
  config: ProxierConfig,
  services: readonly ServiceInput[],
  endpointSlices: readonly EndpointSliceInput[],
  previous?: IpvsState,
  options: SyncIpvsOptions = {},
): SyncIpvsResult {
  const scheduler = options.scheduler ?? 'rr';
  const endpoints = buildEndpointsMap(endpointSlices, config.ipFamily, config.nodeName);
  const ports = services.flatMap((s) => servicePortsOf(s, config.ipFamily)).filter((sp) => PROTOCOLS.includes(sp.protocol));
  const active = new Set<string>();
  const bound = new Set<string>();
  const clusterIpEntries = new Set<string>();
  const loopBackEntries = new Set<string>();
  const prev = previous ?? EMPTY_IPVS_STATE;
  // Each virtual service is synced on a state holding only itself, its
  // connections and its scheduler memory, then the services are put back
  // together once: 10,000 Services stay linear instead of copying the whole
  // table for every ipvsadm call.
  const byKey = <T>(items: readonly T[], key: (t: T) => string) => {
    const m = new Map<string, T[]>();
    for (const it of items) m.set(key(it), [...(m.get(key(it)) ?? []), it]);
    return m;
  };
  const prevServers = new Map(prev.virtualServers.map((v) => [virtualServerKey(v), v]));
  const prevConns = byKey(prev.connections, connVirtualKey);
  const prevTemplates = byKey(prev.templates, (t) => virtualServerKey({ protocol: t.protocol, ip: t.virtualIp, port: t.virtualPort }));
  const servers: VirtualServer[] = [];
  const connections: IpvsConn[] = [];
  const templates: IpvsTemplate[] = [];
  const schedulerState: Record<string, SchedulerMemory> = {};
  let nextId = prev.nextId;

  for (const sp of ports) {
    const protocol = sp.protocol as Protocol;
    const vip = ipv4(sp.clusterIP);
    const { all, chosen } = endpointsFor(sp, endpoints, config);
    for (const ep of all) if (ep.isLocal) loopBackEntries.add(ipPortIpEntry(ep.ip, protocol, ep.port, ep.ip));
    clusterIpEntries.add(ipPortEntry(sp.clusterIP, protocol, sp.port));
    const spec = {
      protocol,
      ip: vip,
      port: sp.port,
      scheduler,
      persistent: sp.stickyMaxAgeSeconds > 0 ? { timeout: sp.stickyMaxAgeSeconds } : null,
    };
    const vsKey = virtualServerKey(spec);
    if (active.has(vsKey)) continue;
    active.add(vsKey);
    bound.add(vip);
    const old = prevServers.get(vsKey);
    const memory = prev.schedulerState[vsKey];
    let state: IpvsState = {
      virtualServers: old ? [old] : [],
      connections: prevConns.get(vsKey) ?? [],
      templates: prevTemplates.get(vsKey) ?? [],
      schedulerState: memory ? { [vsKey]: memory } : {},
      nextId,
    };
    state = upsertVirtualServer(state, spec);
    const wanted = [...new Set(chosen.map((e) => e.text))].sort();
    for (const text of wanted) {
      const ep = chosen.find((e) => e.text === text);
      if (ep === undefined) continue;
      const existing = currentDests(state, vsKey).find((r) => realServerKey(r) === text);
      state = existing === undefined ? addRealServer(state, vsKey, ipv4(ep.ip), ep.port, 1) : setRealServerWeight(state, vsKey, text, 1);
    }
    for (const rs of currentDests(state, vsKey)) {
      const key = realServerKey(rs);
      if (wanted.includes(key)) continue;
      const busy = rs.activeConn + rs.inActConn > 0;
      state = drainsGracefully(protocol) && busy ? setRealServerWeight(state, vsKey, key, 0) : deleteRealServer(state, vsKey, key);
    }
    servers.push(...state.virtualServers);
    connections.push(...state.connections);
    templates.push(...state.templates);
    if (state.schedulerState[vsKey]) schedulerState[vsKey] = state.schedulerState[vsKey];
    nextId = state.nextId;
  }
  // proxier.go `cleanLegacyService`: virtual services no longer wanted are deleted,
  // with their connections, templates and scheduler memory (none are carried over).
  const state: IpvsState = {
    virtualServers: servers.sort(compareVirtualServers),
    connections: connections.sort((a, b) => a.id - b.id),
    templates: templates.sort((a, b) => a.id - b.id),
    schedulerState,
    nextId,
  };

  const dummyAddresses = [...bound].sort((a, b) => ipv4ToNumber(a as Ipv4) - ipv4ToNumber(b as Ipv4));
  const members: Record<string, readonly string[]> = {
    'KUBE-LOOP-BACK': [...loopBackEntries].sort(),
    'KUBE-CLUSTER-IP': [...clusterIpEntries].sort(),
    'KUBE-IPVS-IPS': dummyAddresses,
  };
  const draft: Ipset[] = KUBE_IPSETS.map((s) => ({ ...s, members: members[s.name] ?? [], references: 0 }));
  const iptablesRestore = formatIpvsIptablesRestore(config, draft);
  const ipsets = draft.map((s) => ({ ...s, references: countSetReferences(iptablesRestore, s.name) }));
  return { state, dummyAddresses, ipsets, iptablesRestore };
}

function currentDests(state: IpvsState, vsKey: string): readonly RealServer[] {
  return state.virtualServers.find((v) => virtualServerKey(v) === vsKey)?.realServers ?? [];
}

/**
 * graceful_termination.go `tryDeleteRs`, run every minute: a draining (weight 0) TCP real
 * server whose ActiveConn + InActConn dropped to 0 is deleted.
 */
export function reapDrainedRealServers(state: IpvsState): IpvsState {
  let next = state;
  for (const vs of state.virtualServers) {
    for (const rs of vs.realServers) {
      if (rs.weight === 0 && rs.activeConn + rs.inActConn === 0) next = deleteRealServer(next, virtualServerKey(vs), realServerKey(rs));
    }
  }
  return next;
}
