import { podName } from '../net/ids';
import type { Ipv4 } from '../net/ipv4';
import type { Protocol } from '../net/packet';
import type { Scenario } from '../scenario/schema';
import { macForIp } from './mac';
import type { ClusterNode, ClusterPod, ClusterService } from './model';
import type { ServiceExposure } from './service-exposure';

const lower = (p: 'TCP' | 'UDP' | 'SCTP') => p.toLowerCase() as Protocol;

/** A scenario's pod as the cluster holds it, on its node with its address and veth. */
export function toClusterPod(p: Scenario['cluster']['pods'][number], node: ClusterNode, podIp: Ipv4, veth: string): ClusterPod {
  return {
    name: podName(p.name),
    namespace: p.namespace,
    node: node.name,
    labels: p.labels,
    ready: p.ready,
    terminating: false,
    ip: podIp,
    mac: macForIp(podIp),
    veth,
    ports: p.ports.map((port) => ({ name: port.name, containerPort: port.containerPort, protocol: lower(port.protocol) })),
  };
}

/** A scenario's Service as the cluster holds it, with its cluster IP and how it is reached from outside. */
export function toClusterService(s: Scenario['cluster']['services'][number], vip: Ipv4, exposure: ServiceExposure): ClusterService {
  const { nodePorts, ...outside } = exposure;
  return {
    namespace: s.namespace,
    name: s.name,
    selector: s.selector,
    clusterIP: vip,
    ports: s.ports.map((p, j) => ({
      name: p.name,
      port: p.port,
      protocol: lower(p.protocol),
      targetPort: p.targetPort ?? p.port,
      nodePort: nodePorts[j] ?? null,
    })),
    sessionAffinity: s.sessionAffinity,
    sessionAffinityTimeoutSeconds: s.sessionAffinityTimeoutSeconds,
    ...outside,
  };
}
