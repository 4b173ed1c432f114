/** An EndpointSlice (discovery.k8s.io/v1), reduced to the fields kube-proxy reads. */
export interface EndpointConditionsInput {
  readonly ready?: boolean | null;
  readonly serving?: boolean | null;
  readonly terminating?: boolean | null;
}

export interface EndpointHintsInput {
  readonly forZones?: readonly { readonly name: string }[];
  readonly forNodes?: readonly { readonly name: string }[];
}

export interface EndpointInput {
  /** Only addresses[0] is used (endpointslicecache.go). */
  readonly addresses: readonly string[];
  readonly nodeName?: string | null;
  /** Missing fields follow discovery/v1 nil semantics: ready, serving, not terminating. */
  readonly conditions?: EndpointConditionsInput | null;
  readonly zone?: string | null;
  readonly hints?: EndpointHintsInput | null;
}

export interface EndpointPortInput {
  readonly name?: string | null;
  readonly port?: number | null;
  readonly protocol?: string | null;
}

export interface EndpointSliceInput {
  readonly namespace: string;
  /** The kubernetes.io/service-name label. */
  readonly serviceName: string;
  readonly name: string;
  readonly addressType: 'IPv4' | 'IPv6' | 'FQDN';
  readonly endpoints: readonly EndpointInput[];
  readonly ports: readonly EndpointPortInput[];
}
