import type { HealthCheck, ProxyMode, Topology } from '../../../src/index';
import type { Box, Point } from './geometry';

/** What a drawn device is, so the view can pick its shape. */
export type DeviceKind =
  'eth0' | 'cbr0' | 'veth' | 'hook' | 'routing' | 'host' | 'pod-eth0' | 'net' | 'kube-ipvs0' | 'apiserver' | 'kube-proxy' | 'outside';

/** A device the trace can name (`vm1/cbr0`, `pod1/eth0`, `net`): where it is drawn and where the packet sits on it. */
export interface DeviceLayout {
  readonly id: string;
  readonly kind: DeviceKind;
  readonly label: string;
  /** A second, quieter label (an address); empty when there is none. */
  readonly detail: string;
  readonly box: Box;
  readonly anchor: Point;
  /** kube-ipvs0: the addresses bound to it (every ClusterIP, as /32). */
  readonly addresses?: readonly string[];
  /** A tag drawn with the label: "IPVS" on the INPUT hook where IPVS acts. */
  readonly badge?: string;
}

/** A wire between two devices, drawn once and walked by the packet in either direction. */
export interface Link {
  readonly from: string;
  readonly to: string;
  readonly points: readonly Point[];
}

export interface PodLayout {
  readonly name: string;
  readonly ip: string;
  readonly node: string;
  readonly box: Box;
  readonly eth0: DeviceLayout;
}

export interface NodeLayout {
  readonly name: string;
  readonly ip: string;
  readonly podCidr: string;
  readonly box: Box;
  /** The root network namespace: eth0, the netfilter hooks, cbr0 and the veths. */
  readonly root: Box;
  readonly kubeProxy: Box;
  readonly devices: readonly DeviceLayout[];
  readonly pods: readonly PodLayout[];
  readonly links: readonly Link[];
}

export interface ServiceLayout {
  /** `namespace/name`, as ConnectionSummary.service names it. */
  readonly key: string;
  readonly name: string;
  /** "10.96.0.10:80": the virtual address, which no device holds. */
  readonly address: string;
  readonly endpoints: readonly string[];
  readonly box: Box;
  /** How it is reached from outside the cluster (node ports, addresses, policies); null for a Service only pods use. */
  readonly exposure: ServiceExposure | null;
}

/** A Service's fields that matter from outside, as the engine's Topology.outside gives them. */
export type ServiceExposure = Omit<NonNullable<Topology['outside']>['services'][number], 'namespace' | 'name'>;

/** Something outside the cluster the view draws: a client, the router, the cloud's load balancer. */
export type OutsideItem =
  | {
      readonly kind: 'client';
      readonly name: string;
      readonly ip: string;
      readonly via: 'node-network' | 'router' | 'load-balancer';
    }
  | { readonly kind: 'router' }
  | {
      readonly kind: 'load-balancer';
      /** The ingress IPs of the LoadBalancer Services it fronts, and their source ranges. */
      readonly ips: readonly string[];
      readonly ranges: readonly string[];
      /** Per Service with a health check node port: what each node answers the load balancer's probe. */
      readonly health: readonly { readonly port: number; readonly checks: readonly HealthCheck[] }[];
    };

export interface OutsideBox {
  /** Its device id: `<client>/eth0`, `outside/router`, `outside/load-balancer`. */
  readonly id: string;
  readonly item: OutsideItem;
  readonly box: Box;
  /** Where the packet stands on it: on its wire, just below the box. */
  readonly anchor: Point;
}

/** The world outside the cluster: its boxes above the nodes' network, and the wires to it. */
export interface OutsideLayout {
  readonly boxes: readonly OutsideBox[];
  readonly links: readonly Link[];
}

export interface NetworkLayout {
  /** One band above each row of nodes, and a trunk joining the bands when there are several rows. */
  readonly bands: readonly Box[];
  readonly trunk: Box | null;
  readonly device: DeviceLayout;
  readonly links: readonly Link[];
}

export interface ClusterLayout {
  /** The kube-proxy mode drawn: IPVS adds kube-ipvs0 to every node. */
  readonly mode: ProxyMode;
  readonly width: number;
  readonly height: number;
  readonly columns: number;
  readonly nodes: readonly NodeLayout[];
  readonly services: readonly ServiceLayout[];
  /** The area the Services are drawn in, with its caption above. */
  readonly serviceArea: Box;
  readonly apiServer: Box;
  /** Dashed lines from the API server to each node's kube-proxy, which watches it. */
  readonly watches: readonly { readonly node: string; readonly points: readonly Point[] }[];
  readonly network: NetworkLayout;
  /** Clients outside the cluster and how they come in; null when the scenario has none. */
  readonly outside: OutsideLayout | null;
  /** Every device by id, for anchors and highlighting. */
  readonly devices: ReadonlyMap<string, DeviceLayout>;
}
