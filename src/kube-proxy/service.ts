/** A Service, reduced to the fields kube-proxy reads (k8s.io/api/core/v1 ServiceSpec/Status). */
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
export type TrafficPolicy = 'Cluster' | 'Local';

export interface ServicePortInput {
  /** '' for a single unnamed port: the service-port name then has no ':port' suffix. */
  readonly name: string;
  readonly port: number;
  /** 'TCP' | 'UDP' | 'SCTP' as the API spells it. */
  readonly protocol: string;
  readonly nodePort?: number;
  readonly targetPort?: number | string;
}

export interface LoadBalancerIngressInput {
  readonly ip?: string;
  readonly hostname?: string;
  /** 'VIP' (default) or 'Proxy': Proxy ingress IPs get no rules (LoadBalancerIPMode). */
  readonly ipMode?: string;
}

export interface ServiceInput {
  readonly namespace: string;
  readonly name: string;
  /** Defaults to ClusterIP. */
  readonly type?: ServiceType;
  /** '' or 'None' (headless) services are skipped by kube-proxy. */
  readonly clusterIP?: string;
  readonly clusterIPs?: readonly string[];
  readonly ports: readonly ServicePortInput[];
  readonly externalIPs?: readonly string[];
  readonly loadBalancerIngress?: readonly LoadBalancerIngressInput[];
  readonly loadBalancerSourceRanges?: readonly string[];
  readonly externalTrafficPolicy?: TrafficPolicy;
  readonly internalTrafficPolicy?: TrafficPolicy;
  readonly healthCheckNodePort?: number;
  readonly sessionAffinity?: 'None' | 'ClientIP';
  readonly sessionAffinityTimeoutSeconds?: number;
}

/** "ns/name": the key kube-proxy's change trackers use (types.NamespacedName). */
export function serviceKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}
