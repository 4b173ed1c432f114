import type { ClusterPod, ClusterService, EndpointSlice } from './model';

const matchesSelector = (pod: ClusterPod, selector: Readonly<Record<string, string>>) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => pod.labels[k] === v);

const upper = (p: string) => p.toUpperCase() as 'TCP' | 'UDP' | 'SCTP';

/**
 * Derives EndpointSlices the way the EndpointSlice controller does
 * (pkg/controller/endpointslice): every pod the selector matches becomes an
 * endpoint, ready or not (its conditions say which; kube-proxy skips the
 * unready ones). Conditions follow the controller's podToEndpoint
 * (pkg/controller/endpointslice/utils.go): serving = the pod's Ready
 * condition, terminating = it has a deletionTimestamp, and ready = serving
 * and not terminating (publishNotReadyAddresses is not modelled). A named targetPort is resolved per pod, and pods that resolve
 * the Service's ports differently land in different slices. Pods without a
 * port of that name are left out, as the controller does.
 */
export function deriveEndpointSlices(service: ClusterService, pods: readonly ClusterPod[]): EndpointSlice[] {
  const groups = new Map<string, { ports: EndpointSlice['ports']; pods: ClusterPod[] }>();
  for (const pod of pods) {
    if (pod.namespace !== service.namespace || !matchesSelector(pod, service.selector)) continue;
    const ports: { name: string; port: number; protocol: 'TCP' | 'UDP' | 'SCTP' }[] = [];
    for (const sp of service.ports) {
      const target =
        typeof sp.targetPort === 'number'
          ? sp.targetPort
          : pod.ports.find((p) => p.name === sp.targetPort && p.protocol === sp.protocol)?.containerPort;
      if (target !== undefined) ports.push({ name: sp.name, port: target, protocol: upper(sp.protocol) });
    }
    if (ports.length === 0) continue;
    const key = ports.map((p) => `${p.name}/${p.protocol}/${p.port}`).join(',');
    const group = groups.get(key) ?? { ports, pods: [] };
    group.pods.push(pod);
    groups.set(key, group);
  }
  return [...groups.values()].map((group, i) => ({
    namespace: service.namespace,
    serviceName: service.name,
    name: `${service.name}-${String.fromCharCode(97 + (i % 26))}${i >= 26 ? i : ''}`,
    addressType: 'IPv4' as const,
    endpoints: group.pods.map((pod) => ({
      addresses: [pod.ip],
      nodeName: pod.node,
      conditions: { ready: pod.ready && !pod.terminating, serving: pod.ready, terminating: pod.terminating },
      targetRef: pod.name,
    })),
    ports: group.ports,
  }));
}
