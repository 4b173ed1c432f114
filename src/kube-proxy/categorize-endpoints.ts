import type { EndpointInfo } from './endpoints-map';
import { usesClusterEndpoints, usesLocalEndpoints, type ServicePortInfo } from './service-port';

/** What CategorizeEndpoints returns (pkg/proxy/topology.go). */
export interface CategorizedEndpoints {
  /** Endpoints for the Cluster policy chain (KUBE-SVC-*). */
  readonly clusterEndpoints: readonly EndpointInfo[];
  /** Endpoints for the Local policy chain (KUBE-SVL-*). */
  readonly localEndpoints: readonly EndpointInfo[];
  /** Every endpoint that gets a KUBE-SEP-* chain. */
  readonly allReachableEndpoints: readonly EndpointInfo[];
  /** Any usable endpoint anywhere in the cluster (otherwise: REJECT). */
  readonly hasAnyEndpoints: boolean;
}

export interface TopologyOptions {
  readonly nodeName: string;
  readonly zone?: string;
}

type TopologyMode = '' | 'PreferSameNode' | 'PreferSameZone';

/** topologyModeFromHints: hints are used only if every ready endpoint has one and one fits us. */
function topologyModeFromHints(endpoints: readonly EndpointInfo[], topo: TopologyOptions): TopologyMode {
  let allNode = true;
  let forNode = false;
  let allZone = true;
  let forZone = false;
  for (const ep of endpoints) {
    if (!ep.ready) continue;
    if (ep.nodeHints.length === 0) allNode = false;
    else if (ep.nodeHints.includes(topo.nodeName)) forNode = true;
    if (ep.zoneHints.length === 0) allZone = false;
    else if (topo.zone !== undefined && ep.zoneHints.includes(topo.zone)) forZone = true;
  }
  if (allNode && forNode) return 'PreferSameNode';
  if (allZone && forZone) return 'PreferSameZone';
  return '';
}

function availableForTopology(ep: EndpointInfo, mode: TopologyMode, topo: TopologyOptions): boolean {
  if (mode === 'PreferSameNode') return ep.nodeHints.includes(topo.nodeName);
  if (mode === 'PreferSameZone') return topo.zone !== undefined && ep.zoneHints.includes(topo.zone);
  return true;
}

/**
 * Splits a service port's endpoints by traffic policy, with the terminating-endpoint
 * fallbacks: Cluster uses Ready endpoints (topology-filtered), else serving+terminating
 * ones; Local uses local Ready endpoints, else local serving+terminating ones,
 * independently of the Cluster list.
 */
export function categorizeEndpoints(endpoints: readonly EndpointInfo[], sp: ServicePortInfo, topo: TopologyOptions): CategorizedEndpoints {
  let clusterEndpoints: readonly EndpointInfo[] = [];
  let hasAnyEndpoints = false;
  let mode: TopologyMode = '';
  const usesCluster = usesClusterEndpoints(sp);
  if (usesCluster) {
    mode = topologyModeFromHints(endpoints, topo);
    clusterEndpoints = endpoints.filter((ep) => ep.ready && availableForTopology(ep, mode, topo));
    if (clusterEndpoints.length === 0) {
      clusterEndpoints = endpoints.filter((ep) => ep.serving && ep.terminating && availableForTopology(ep, mode, topo));
    }
    hasAnyEndpoints = clusterEndpoints.length > 0;
  }
  if (!usesLocalEndpoints(sp)) {
    return { clusterEndpoints, localEndpoints: [], allReachableEndpoints: clusterEndpoints, hasAnyEndpoints };
  }
  let localReady = false;
  let localServingTerminating = false;
  for (const ep of endpoints) {
    if (ep.ready) {
      hasAnyEndpoints = true;
      if (ep.isLocal) localReady = true;
    } else if (ep.serving && ep.terminating) {
      hasAnyEndpoints = true;
      if (ep.isLocal) localServingTerminating = true;
    }
  }
  let localEndpoints: readonly EndpointInfo[] = [];
  if (localReady) localEndpoints = endpoints.filter((ep) => ep.isLocal && ep.ready);
  else if (localServingTerminating) localEndpoints = endpoints.filter((ep) => ep.isLocal && ep.serving && ep.terminating);
  if (!usesCluster) return { clusterEndpoints, localEndpoints, allReachableEndpoints: localEndpoints, hasAnyEndpoints };
  if (mode === '' && !(localServingTerminating && !localReady)) {
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: clusterEndpoints, hasAnyEndpoints };
  }
  // The two lists can each hold endpoints the other lacks: merge them (kube-proxy uses a
  // map, so its order is random; sort for determinism).
  const merged = new Map<string, EndpointInfo>();
  for (const ep of clusterEndpoints) merged.set(ep.text, ep);
  for (const ep of localEndpoints) merged.set(ep.text, ep);
  const allReachableEndpoints = [...merged.values()].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints };
}
