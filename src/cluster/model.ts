import type { ClusterAllocation } from './ipam';
import type { Cidr } from '../net/cidr';
import type { NodeName, PodName } from '../net/ids';
import type { Ipv4 } from '../net/ipv4';
import type { Protocol } from '../net/packet';

/** A node: its eth0 address, its pod CIDR and the bridge (cbr0) that holds the CIDR's first address. */
export interface ClusterNode {
  readonly name: NodeName;
  readonly ip: Ipv4;
  readonly podCidr: Cidr;
  readonly bridgeIp: Ipv4;
  readonly eth0Mac: string;
  readonly bridgeMac: string;
}

/** A pod, with the veth in the root namespace that its eth0 is paired with. */
export interface ClusterPod {
  readonly name: PodName;
  readonly namespace: string;
  readonly node: NodeName;
  readonly labels: Readonly<Record<string, string>>;
  /** The pod's Ready condition (its readiness probe passes). */
  readonly ready: boolean;
  /** The pod has a deletionTimestamp: it is shutting down but still exists (and holds its IP). */
  readonly terminating: boolean;
  readonly ip: Ipv4;
  readonly mac: string;
  /** The root-namespace end of the pod's veth pair ("veth0"), numbered per node. */
  readonly veth: string;
  readonly ports: readonly { readonly name?: string | undefined; readonly containerPort: number; readonly protocol: Protocol }[];
}

export interface ClusterServicePort {
  readonly name: string;
  readonly port: number;
  readonly protocol: Protocol;
  readonly targetPort: number | string;
  /** The port every node opens for it (NodePort and LoadBalancer Services); null otherwise. */
  readonly nodePort: number | null;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer';
export type TrafficPolicy = 'Cluster' | 'Local';

export interface ClusterService {
  readonly namespace: string;
  readonly name: string;
  readonly selector: Readonly<Record<string, string>>;
  readonly clusterIP: Ipv4;
  readonly ports: readonly ClusterServicePort[];
  readonly sessionAffinity: 'None' | 'ClientIP';
  readonly sessionAffinityTimeoutSeconds: number;
  readonly type: ServiceType;
  readonly externalIPs: readonly Ipv4[];
  /** status.loadBalancer.ingress[].ip. */
  readonly loadBalancerIPs: readonly Ipv4[];
  /** CIDRs as written ("203.0.113.0/24"), each checked to parse. */
  readonly loadBalancerSourceRanges: readonly string[];
  readonly externalTrafficPolicy: TrafficPolicy;
  readonly internalTrafficPolicy: TrafficPolicy;
  /** A LoadBalancer Service with externalTrafficPolicy Local: the port kube-proxy's health check server answers on. */
  readonly healthCheckNodePort: number | null;
}

/**
 * A client outside the cluster: a host on the nodes' network, or a client on the
 * internet whose packets come in through a router or the cloud's load balancer.
 */
export interface ExternalClient {
  readonly name: string;
  readonly kind: 'host' | 'internet';
  readonly ip: Ipv4;
  /** Its NIC's MAC (a VM's, 52:54:00 and the address's last three octets). */
  readonly mac: string;
  /** How its packets reach a node: straight over the nodes' network, a router, or the cloud load balancer. */
  readonly via: 'node-network' | 'router' | 'load-balancer';
}

/** discovery.k8s.io/v1 EndpointSlice, as the EndpointSlice controller derives it. */
export interface EndpointSlice {
  readonly namespace: string;
  readonly serviceName: string;
  readonly name: string;
  readonly addressType: 'IPv4';
  readonly endpoints: readonly {
    readonly addresses: readonly Ipv4[];
    readonly nodeName: NodeName;
    readonly conditions: { readonly ready: boolean; readonly serving: boolean; readonly terminating: boolean };
    readonly targetRef: PodName;
  }[];
  readonly ports: readonly { readonly name: string; readonly port: number; readonly protocol: 'TCP' | 'UDP' | 'SCTP' }[];
}

/** The cluster a scenario describes, with every address resolved. */
export interface Cluster {
  readonly clusterCidr: Cidr;
  readonly serviceCidr: Cidr;
  readonly nodes: readonly ClusterNode[];
  readonly pods: readonly ClusterPod[];
  readonly services: readonly ClusterService[];
  readonly endpointSlices: readonly EndpointSlice[];
  /** Clients outside the cluster. */
  readonly externalClients: readonly ExternalClient[];
}

/** The cluster at one moment of a scenario's timeline, with the allocators' positions. */
export interface ClusterState {
  readonly cluster: Cluster;
  readonly allocation: ClusterAllocation;
}
