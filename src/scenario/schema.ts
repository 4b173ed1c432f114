import { z } from 'zod';

// No code generation: zod's faster object parser compiles with `new Function`, which a page
// served under a Content-Security-Policy without 'unsafe-eval' (README, Hosting it) forbids;
// its probe for eval alone is reported as a violation.
z.config({ jitless: true });

/**
 * The versioned scenario schema: plain JSON a user, a preset or a URL provides.
 * Everything here is untrusted until `parseScenario` has checked it.
 */
export const SCENARIO_SCHEMA_VERSION = 2;
/** The versions a page reads: a version 1 document is migrated to 2 (`migrateScenario`). */
export const READABLE_SCHEMA_VERSIONS: readonly number[] = [1, 2];

const name = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a DNS label: lower-case letters, digits and "-"');
const labels = z.record(z.string().min(1).max(63), z.string().max(63));
const port = z.number().int().min(1).max(65535);
const protocol = z.enum(['TCP', 'UDP', 'SCTP']);

export const nodeSchema = z.strictObject({
  name,
  ip: z.string(),
  podCIDR: z.string(),
});

export const podSchema = z.strictObject({
  name,
  namespace: name.default('default'),
  node: name,
  labels: labels.default({}),
  ready: z.boolean().default(true),
  /** Allocated from the node's pod CIDR, in declaration order, when absent. */
  ip: z.string().optional(),
  ports: z.array(z.strictObject({ name: name.optional(), containerPort: port, protocol: protocol.default('TCP') })).default([]),
});

export const servicePortSchema = z.strictObject({
  name: z.string().max(63).default(''),
  port,
  protocol: protocol.default('TCP'),
  /** A number, or the name of a container port; defaults to `port`. */
  targetPort: z.union([port, name]).optional(),
  /**
   * NodePort and LoadBalancer Services: the port every node opens (30000-32767). When absent
   * it is allocated (see `allocateNodePorts`).
   */
  nodePort: z.number().int().optional(),
});

const ipText = z.string().min(1).max(45);
const trafficPolicy = z.enum(['Cluster', 'Local']);

export const serviceSchema = z.strictObject({
  name,
  namespace: name.default('default'),
  selector: labels,
  /** Allocated from the cluster's service CIDR when absent. */
  clusterIP: z.string().optional(),
  ports: z.array(servicePortSchema).min(1),
  sessionAffinity: z.enum(['None', 'ClientIP']).default('None'),
  sessionAffinityTimeoutSeconds: z.number().int().min(1).max(86400).default(10800),
  /** ClusterIP when absent. NodePort opens a port on every node; LoadBalancer does that too and has ingress IPs. */
  type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer']).optional(),
  /** Addresses routed to a node by the network's admin; kube-proxy answers them on every node. */
  externalIPs: z.array(ipText).max(16).optional(),
  /** status.loadBalancer.ingress[].ip: what the cloud's load balancer gave the Service. */
  loadBalancerIPs: z.array(ipText).max(16).optional(),
  /** Which sources may use the load balancer's IPs (KUBE-FW-… chains); every source when absent. */
  loadBalancerSourceRanges: z.array(z.string().min(1).max(49)).max(64).optional(),
  /** Cluster when absent: external traffic may go to an endpoint on any node (and is masqueraded). */
  externalTrafficPolicy: trafficPolicy.optional(),
  /** externalTrafficPolicy Local with type LoadBalancer: the port a cloud load balancer probes; allocated when absent. */
  healthCheckNodePort: z.number().int().optional(),
  /** Cluster when absent: Local sends a pod's traffic only to endpoints on its own node. */
  internalTrafficPolicy: trafficPolicy.optional(),
});

/**
 * A client outside the cluster: a host on the nodes' own network, or a client on the
 * internet whose packets reach the nodes through a router or the cloud's load balancer.
 */
export const externalClientSchema = z.strictObject({
  name,
  kind: z.enum(['host', 'internet']),
  ip: ipText,
  /** An internet client's way in: a router (the nodes' default gateway) or the cloud load balancer. */
  via: z.enum(['router', 'load-balancer']).optional(),
});

export const connectionSchema = z.strictObject({
  /** The client: a pod's name, or a node's name for a process in the node's own network namespace (hostNetwork). */
  from: name,
  /** The Service's name ("svc1" in the client's namespace, or "namespace/svc1"). */
  to: z.string().min(1),
  port,
  protocol: protocol.default('TCP'),
  /** Simulated seconds after the start when the connection opens; defaults to one second after the previous. */
  at: z.number().min(0).max(86400).optional(),
  /**
   * Which of the Service's addresses the client sends to: its cluster IP (when absent), a
   * node's IP and the nodePort (`node` names the node), an externalIP or the load balancer's
   * IP (the first, unless `ip` names one).
   */
  address: z.enum(['cluster-ip', 'node-port', 'external-ip', 'load-balancer']).optional(),
  /** node-port: the node whose IP the client sends to; external-ip, load-balancer: the node the network hands the packet to. */
  node: name.optional(),
  /** external-ip, load-balancer: which of the Service's addresses, when it has several. */
  ip: ipText.optional(),
});

/** A pod or Service named by reference: "pod4" (namespace default) or "namespace/pod4". */
const objectRef = z
  .string()
  .min(1)
  .max(127)
  .regex(/^([a-z0-9]([-a-z0-9]*[a-z0-9])?\/)?[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be "name" or "namespace/name"');
const eventTime = z.number().min(0).max(86400);

/**
 * A control-plane event at a simulated second: what a user or a controller does
 * through the API server. After each one the EndpointSlices are derived again
 * and kube-proxy resyncs on every node (see docs/scenario-schema.md).
 */
export const clusterEventSchema = z.discriminatedUnion('action', [
  /** The pod is gone (grace period over): its IP is freed, it leaves every EndpointSlice. */
  z.strictObject({ at: eventTime, action: z.literal('delete-pod'), pod: objectRef }),
  /** A new pod (a re-created one may reuse the name): it gets the next free address of its node's pod CIDR unless it fixes one. */
  z.strictObject({ at: eventTime, action: z.literal('create-pod'), pod: podSchema }),
  /** The pod's readiness probe passes (Ready condition true) or fails. */
  z.strictObject({ at: eventTime, action: z.enum(['set-ready', 'set-not-ready']), pod: objectRef }),
  /** The pod gets a deletionTimestamp: it stays, terminating, until a delete-pod event removes it. */
  z.strictObject({ at: eventTime, action: z.literal('terminate-pod'), pod: objectRef }),
  z.strictObject({ at: eventTime, action: z.literal('delete-service'), service: objectRef }),
  /** A new Service: a new cluster IP from the service CIDR unless `clusterIP` fixes one. */
  z.strictObject({ at: eventTime, action: z.literal('create-service'), service: serviceSchema }),
]);

export const scenarioSchema = z.strictObject({
  schemaVersion: z.literal(SCENARIO_SCHEMA_VERSION),
  name: z.string().min(1).max(100),
  seed: z.number().int().min(0).max(0xffffffff),
  mode: z.enum(['iptables', 'ipvs', 'nftables']).default('iptables'),
  /** kube-proxy's ipvs.scheduler (IPVS mode): the same for every Service on the node. */
  scheduler: z.enum(['rr', 'wrr', 'lc', 'wlc', 'sh', 'dh', 'sed', 'nq']).default('rr'),
  cluster: z.strictObject({
    clusterCIDR: z.string().default('10.244.0.0/16'),
    serviceCIDR: z.string().default('10.96.0.0/12'),
    nodes: z.array(nodeSchema).min(1).max(100),
    pods: z.array(podSchema).max(5000),
    services: z.array(serviceSchema).max(10000),
    /** Clients outside the cluster (schema version 2). */
    externalClients: z.array(externalClientSchema).max(16).optional(),
  }),
  traffic: z.array(connectionSchema).max(100),
  /** Control-plane events, interleaved with the traffic by time (an event and a connection at the same second: the event first). */
  events: z.array(clusterEventSchema).max(100).default([]),
});

/** A control-plane event after schema validation. */
export type ClusterEvent = z.output<typeof clusterEventSchema>;

/** A scenario after schema validation (defaults filled in). */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as written by a user or a preset (defaults may be left out). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
