import type { ConntrackEntry } from '../conntrack';
import type { EndpointSliceInput } from './endpoint-slice';
import { buildEndpointsMap, servicePortKey } from './endpoints-map';
import type { ProxierConfig } from './proxier-config';
import type { ServiceInput } from './service';
import { servicePortsOf } from './service-port';

/** Which conntrack entries kube-proxy's cleanup deletes, and whether it runs at all. */
export interface StaleEntryFilter {
  /** The predicate CleanStaleEntries applies to every entry of the family. */
  readonly isStale: (entry: ConntrackEntry) => boolean;
  /** Per UDP service port with a serving endpoint: "10.96.0.10:53" -> the serving "ip:port"s. */
  readonly frontends: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * kube-proxy's stale UDP conntrack cleanup (pkg/proxy/conntrack/cleanup.go,
 * `CleanStaleEntries`, the netlink version): for every UDP service port that has at
 * least one serving endpoint, each frontend (ClusterIP:port, every LB VIP:port and
 * externalIP:port, and the NodePort) maps to the set of serving endpoints. An entry is
 * deleted when it is UDP, its original destination is such a frontend, and its reply
 * source (the DNAT target) is not a serving endpoint. Services with no serving
 * endpoint are skipped; TCP and SCTP entries are never touched (TCP ends with FIN/RST,
 * and KUBE-FORWARD drops INVALID packets); traffic policies and the terminating state
 * are ignored, as the real code ignores them.
 */
export function staleUdpEntryFilter(
  config: ProxierConfig,
  services: readonly ServiceInput[],
  endpointSlices: readonly EndpointSliceInput[],
): StaleEntryFilter {
  const endpoints = buildEndpointsMap(endpointSlices, config.ipFamily, config.nodeName);
  const frontends = new Map<string, Set<string>>();
  const nodePorts = new Map<number, Set<string>>();
  for (const svc of services) {
    for (const sp of servicePortsOf(svc, config.ipFamily)) {
      if (sp.protocol !== 'udp') continue;
      const serving = (endpoints.get(servicePortKey(sp.serviceKey, sp.portName, sp.apiProtocol)) ?? [])
        .filter((e) => e.serving)
        .map((e) => e.text);
      if (serving.length === 0) continue;
      for (const ip of [sp.clusterIP, ...sp.loadBalancerVIPs, ...sp.externalIPs]) {
        const key = `${ip}:${sp.port}`;
        frontends.set(key, new Set([...(frontends.get(key) ?? []), ...serving]));
      }
      if (sp.nodePort > 0) nodePorts.set(sp.nodePort, new Set([...(nodePorts.get(sp.nodePort) ?? []), ...serving]));
    }
  }
  const isStale = (entry: ConntrackEntry): boolean => {
    if (entry.protocol !== 'udp') return false;
    const replySrc = `${entry.reply.src}:${entry.reply.sport}`;
    const byIp = frontends.get(`${entry.orig.dst}:${entry.orig.dport}`);
    if (byIp !== undefined && !byIp.has(replySrc)) return true;
    const byPort = nodePorts.get(entry.orig.dport);
    return byPort !== undefined && !byPort.has(replySrc);
  };
  return { isStale, frontends };
}

/**
 * Whether the endpoints-map update asks for the cleanup (`ConntrackCleanupRequired`):
 * a UDP service port's serving endpoints changed since the last sync (one went away or
 * stopped serving, or a port got its first one).
 */
export function conntrackCleanupRequired(
  config: ProxierConfig,
  before: { readonly services: readonly ServiceInput[]; readonly endpointSlices: readonly EndpointSliceInput[] },
  after: { readonly services: readonly ServiceInput[]; readonly endpointSlices: readonly EndpointSliceInput[] },
): boolean {
  const servingUdp = (state: typeof before) => {
    const endpoints = buildEndpointsMap(state.endpointSlices, config.ipFamily, config.nodeName);
    const out = new Map<string, string>();
    for (const svc of state.services) {
      for (const sp of servicePortsOf(svc, config.ipFamily)) {
        if (sp.protocol !== 'udp') continue;
        const key = servicePortKey(sp.serviceKey, sp.portName, sp.apiProtocol);
        out.set(
          key,
          (endpoints.get(key) ?? [])
            .filter((e) => e.serving)
            .map((e) => e.text)
            .join(','),
        );
      }
    }
    return out;
  };
  const a = servingUdp(before);
  const b = servingUdp(after);
  for (const [key, eps] of a) if ((b.get(key) ?? '') !== eps) return true;
  for (const [key, eps] of b) if ((a.get(key) ?? '') !== eps) return true;
  return false;
}
