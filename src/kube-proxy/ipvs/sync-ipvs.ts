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
import { externalAddresses } from './external-addresses';
import { countSetReferences, formatIpvsIptablesRestore } from './iptables-rules';

export interface SyncIpvsOptions {
  /** kube-proxy's `ipvs.scheduler`, the same for every virtual service (default rr). */
  readonly scheduler?: IpvsScheduler;
  /**
   * The node's own addresses, for node ports (`realIPGetter.NodeIPs`: every local address but
   * loopback and kube-ipvs0's, e.g. eth0's and the bridge's). Default: the node IP alone.
   */
  readonly nodeIPs?: readonly string[];
}

export interface SyncIpvsResult {
  readonly state: IpvsState;
  /** Every address bound to kube-ipvs0 (each ClusterIP, external IP and load balancer IP, as /32), in numeric order. */
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

/**
 * The endpoints a virtual service gets (proxier.go `syncEndpoint`): with
 * onlyNodeLocalEndpoints (internalTrafficPolicy Local for the ClusterIP,
 * externalTrafficPolicy Local for node ports, external and load balancer IPs) the
 * node's own endpoints, but all cluster endpoints when the node has none
 * (kubernetes#97081: "Traffic from an external source will be routed but the reply
 * will have the POD address and will be discarded").
 */
function endpointsFor(
  sp: ServicePortInfo,
  endpoints: ReadonlyMap<string, readonly EndpointInfo[]>,
  config: ProxierConfig,
): { readonly all: readonly EndpointInfo[]; readonly chosen: (onlyLocal: boolean) => readonly EndpointInfo[] } {
  const all = endpoints.get(servicePortKey(sp.serviceKey, sp.portName, sp.apiProtocol)) ?? [];
  const cat = categorizeEndpoints(all, sp, { nodeName: config.nodeName, ...(config.nodeZone ? { zone: config.nodeZone } : {}) });
  const chosen = (onlyLocal: boolean) => (onlyLocal && cat.localEndpoints.length > 0 ? cat.localEndpoints : cat.clusterEndpoints);
  return { all, chosen };
}

/**
 * kube-proxy's IPVS proxier `syncProxyRules`: one virtual service per (ClusterIP, port,
 * protocol), per external IP and load balancer IP (both bound to kube-ipvs0 like the
 * ClusterIP) and per node IP at a node port (`externalAddresses`), with the node's
 * scheduler and, for sessionAffinity ClientIP, persistence with the affinity timeout; one
 * real server (weight 1, Masq) per usable endpoint; the ipsets and iptables rules.
 * Against `previous`, a removed endpoint's TCP real server stays at weight 0 while it
 * still has connections (GracefulTerminationManager); UDP/SCTP ones go at once; services
 * that disappeared are deleted. kube-proxy walks Go maps (random order); here endpoints are
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
  // "SET-NAME entry" for the sets of node ports, external and load balancer IPs.
  const externalEntries = new Set<string>();
  const nodeIPs = options.nodeIPs ?? [config.nodeIP];
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

  // proxier.go `syncService` + `syncEndpoint` for one virtual server: false when an
  // earlier port already made it.
  const syncServer = (protocol: Protocol, ip: string, port: number, persistent: number, chosen: readonly EndpointInfo[]) => {
    const spec = { protocol, ip: ipv4(ip), port, scheduler, persistent: persistent > 0 ? { timeout: persistent } : null };
    const vsKey = virtualServerKey(spec);
    if (active.has(vsKey)) return false;
    active.add(vsKey);
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
    return true;
  };

  for (const sp of ports) {
    const protocol = sp.protocol as Protocol;
    const { all, chosen } = endpointsFor(sp, endpoints, config);
    for (const ep of all) if (ep.isLocal) loopBackEntries.add(ipPortIpEntry(ep.ip, protocol, ep.port, ep.ip));
    clusterIpEntries.add(ipPortEntry(sp.clusterIP, protocol, sp.port));
    if (syncServer(protocol, sp.clusterIP, sp.port, sp.stickyMaxAgeSeconds, chosen(sp.internalPolicyLocal))) bound.add(sp.clusterIP);
    const external = externalAddresses(sp, config.nodeIP, nodeIPs);
    for (const [set, entries] of external.entries) for (const e of entries) externalEntries.add(`${set} ${e}`);
    for (const vs of external.servers) {
      const synced = syncServer(protocol, vs.ip, vs.port, sp.stickyMaxAgeSeconds, chosen(sp.externalPolicyLocal));
      if (synced && vs.bind) bound.add(vs.ip);
    }
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
  const members: Record<string, string[]> = {
    'KUBE-LOOP-BACK': [...loopBackEntries].sort(),
    'KUBE-CLUSTER-IP': [...clusterIpEntries].sort(),
    'KUBE-IPVS-IPS': [...dummyAddresses],
  };
  for (const e of [...externalEntries].sort()) {
    const [set = '', entry = ''] = e.split(' ');
    (members[set] ??= []).push(entry);
  }
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
