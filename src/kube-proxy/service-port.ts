import { servicePortChains, type ServicePortChains } from './chain-name';
import { parseIp, parseIpCidr, type IpFamily } from './ip-address';
import type { ServiceInput } from './service';

/**
 * One port of one Service as the proxier sees it (pkg/proxy/serviceport.go,
 * BaseServicePortInfo, built by newBaseServiceInfo): only this proxier's IP family,
 * IPs canonicalised, bad values dropped.
 */
export interface ServicePortInfo {
  /** "ns/name". */
  readonly serviceKey: string;
  /** "ns/name:port" or "ns/name" when the port has no name. */
  readonly name: string;
  readonly portName: string;
  /** Lower case, as in rules and hashes. */
  readonly protocol: string;
  /** The protocol as the API spells it, to match EndpointSlice ports. */
  readonly apiProtocol: string;
  readonly clusterIP: string;
  readonly port: number;
  readonly nodePort: number;
  readonly externalIPs: readonly string[];
  readonly loadBalancerVIPs: readonly string[];
  readonly loadBalancerSourceRanges: readonly string[];
  readonly healthCheckNodePort: number;
  readonly externalPolicyLocal: boolean;
  readonly internalPolicyLocal: boolean;
  /** 0 without ClientIP affinity. */
  readonly stickyMaxAgeSeconds: number;
  readonly chains: ServicePortChains;
}

const DEFAULT_AFFINITY_TIMEOUT = 10800;

/** ExternallyAccessible (pkg/api/v1/service): NodePort, LoadBalancer, or ClusterIP with externalIPs. */
function externallyAccessibleService(svc: ServiceInput): boolean {
  const type = svc.type ?? 'ClusterIP';
  return type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && (svc.externalIPs?.length ?? 0) > 0);
}

function ipsOfFamily(texts: readonly string[] | undefined, family: IpFamily): string[] {
  const out: string[] = [];
  for (const t of texts ?? []) {
    const ip = parseIp(t.trim());
    if (ip !== null && ip.family === family) out.push(ip.text);
  }
  return out;
}

/** The ports of a Service for this family; [] for headless, ExternalName or other-family services. */
export function servicePortsOf(svc: ServiceInput, family: IpFamily): ServicePortInfo[] {
  // ShouldSkipService + GetClusterIPByFamily (pkg/proxy/util).
  if (svc.type === 'ExternalName') return [];
  const candidates = svc.clusterIPs && svc.clusterIPs.length > 0 ? svc.clusterIPs : [svc.clusterIP ?? ''];
  const clusterIP = ipsOfFamily(
    candidates.filter((c) => c !== 'None'),
    family,
  )[0];
  if (clusterIP === undefined) return [];
  const serviceKey = `${svc.namespace}/${svc.name}`;
  const externallyAccessible = externallyAccessibleService(svc);
  const externalPolicyLocal = externallyAccessible && svc.externalTrafficPolicy === 'Local';
  const internalPolicyLocal = svc.internalTrafficPolicy === 'Local';
  const externalIPs = ipsOfFamily(svc.externalIPs, family);
  const loadBalancerVIPs = ipsOfFamily(
    (svc.loadBalancerIngress ?? []).filter((i) => i.ip && i.ipMode !== 'Proxy').map((i) => i.ip ?? ''),
    family,
  );
  const loadBalancerSourceRanges: string[] = [];
  for (const r of svc.loadBalancerSourceRanges ?? []) {
    const cidr = parseIpCidr(r.trim());
    if (cidr !== null && cidr.family === family) loadBalancerSourceRanges.push(cidr.text);
  }
  // NeedsHealthCheck: only LoadBalancer services with eTP=Local keep it.
  const healthCheckNodePort = svc.type === 'LoadBalancer' && externalPolicyLocal ? (svc.healthCheckNodePort ?? 0) : 0;
  const stickyMaxAgeSeconds = svc.sessionAffinity === 'ClientIP' ? (svc.sessionAffinityTimeoutSeconds ?? DEFAULT_AFFINITY_TIMEOUT) : 0;
  return svc.ports.map((p) => {
    const name = p.name === '' ? serviceKey : `${serviceKey}:${p.name}`;
    const protocol = p.protocol.toLowerCase();
    return {
      serviceKey,
      name,
      portName: p.name,
      protocol,
      apiProtocol: p.protocol.toUpperCase(),
      clusterIP,
      port: p.port,
      nodePort: p.nodePort ?? 0,
      externalIPs,
      loadBalancerVIPs,
      loadBalancerSourceRanges,
      healthCheckNodePort,
      externalPolicyLocal,
      internalPolicyLocal,
      stickyMaxAgeSeconds,
      chains: servicePortChains(name, protocol),
    };
  });
}

/** ExternallyAccessible for one port: a NodePort, an LB VIP or an externalIP of this family. */
export function isExternallyAccessible(sp: ServicePortInfo): boolean {
  return sp.nodePort !== 0 || sp.loadBalancerVIPs.length > 0 || sp.externalIPs.length > 0;
}

/** UsesClusterEndpoints: iTP=Cluster, or external traffic (needed for short-circuiting). */
export function usesClusterEndpoints(sp: ServicePortInfo): boolean {
  return !sp.internalPolicyLocal || isExternallyAccessible(sp);
}

/** UsesLocalEndpoints: iTP=Local, or eTP=Local with external destinations. */
export function usesLocalEndpoints(sp: ServicePortInfo): boolean {
  return sp.internalPolicyLocal || (sp.externalPolicyLocal && isExternallyAccessible(sp));
}
