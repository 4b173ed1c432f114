import type { EndpointConditionsInput, EndpointSliceInput } from './endpoint-slice';
import { joinHostPort, parseIp, type IpFamily } from './ip-address';

/** One endpoint of one service port (pkg/proxy/endpoint.go, BaseEndpointInfo). */
export interface EndpointInfo {
  readonly ip: string;
  readonly port: number;
  /** "10.180.0.1:80" / "[fd00::1]:80": the dedup and sort key and the DNAT target. */
  readonly text: string;
  readonly isLocal: boolean;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
  readonly zoneHints: readonly string[];
  readonly nodeHints: readonly string[];
}

const NO_CONDITIONS: EndpointConditionsInput = {};
const NO_HINTS: readonly string[] = [];

/** The key of a service port in the endpoints map: ServicePortName includes the protocol. */
export function servicePortKey(serviceKey: string, portName: string, apiProtocol: string): string {
  return `${serviceKey}\u0000${portName}\u0000${apiProtocol}`;
}

/**
 * Merges the EndpointSlices of this family into one sorted endpoint list per service port
 * (pkg/proxy/endpointslicecache.go). Conditions use nil semantics (nil ready/serving =
 * true, nil terminating = false); IPs are canonicalised; duplicates of "ip:port" collapse
 * with a non-terminating entry winning; the list is sorted by the "ip:port" string.
 */
export function buildEndpointsMap(slices: readonly EndpointSliceInput[], family: IpFamily, nodeName: string): Map<string, EndpointInfo[]> {
  const sets = new Map<string, Map<string, EndpointInfo>>();
  for (const slice of slices) {
    if (slice.addressType !== family) continue;
    const serviceKey = `${slice.namespace}/${slice.serviceName}`;
    for (const port of slice.ports) {
      if (port.port === undefined || port.port === null) continue;
      const key = servicePortKey(serviceKey, port.name ?? '', (port.protocol ?? 'TCP').toUpperCase());
      let set = sets.get(key);
      if (set === undefined) {
        set = new Map();
        sets.set(key, set);
      }
      for (const ep of slice.endpoints) {
        const first = ep.addresses[0];
        if (first === undefined) continue;
        const ip = parseIp(first);
        if (ip === null || ip.family !== family) continue;
        const c = ep.conditions ?? NO_CONDITIONS;
        const info: EndpointInfo = {
          ip: ip.text,
          port: port.port,
          text: joinHostPort(ip.text, port.port),
          isLocal: ep.nodeName !== undefined && ep.nodeName !== null && ep.nodeName === nodeName,
          ready: c.ready ?? true,
          serving: c.serving ?? true,
          terminating: c.terminating ?? false,
          zoneHints: ep.hints?.forZones ? ep.hints.forZones.map((z) => z.name) : NO_HINTS,
          nodeHints: ep.hints?.forNodes ? ep.hints.forNodes.map((n) => n.name) : NO_HINTS,
        };
        const existing = set.get(info.text);
        if (existing === undefined || (existing.terminating && !info.terminating)) set.set(info.text, info);
      }
    }
  }
  const map = new Map<string, EndpointInfo[]>();
  for (const [key, set] of sets) {
    const list = [...set.values()];
    list.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    map.set(key, list);
  }
  return map;
}
