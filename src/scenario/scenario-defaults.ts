import type { ClusterEvent, Scenario, ScenarioInput } from './schema';

// The schema's defaults, filled in without the schema: a preset is trusted data that a test
// validates (tests/engine/scenario/scenario-defaults.test.ts), so opening the page on one
// needs no zod. Fields come out in the schema's order, as zod writes them, so a preset's JSON
// (a download, a link) is the same either way; that test compares the two byte for byte.

type PodInput = ScenarioInput['cluster']['pods'][number];
type ServiceInput = ScenarioInput['cluster']['services'][number];
type ConnectionInput = ScenarioInput['traffic'][number];
type EventInput = NonNullable<ScenarioInput['events']>[number];

/** `{ [key]: value }` when the input has the key (an optional field zod copies only when present). */
const optional = <K extends string, V>(key: K, has: boolean, value: V) => (has ? ({ [key]: value } as Record<K, V>) : {});

function podDefaults(p: PodInput): Scenario['cluster']['pods'][number] {
  return {
    name: p.name,
    namespace: p.namespace ?? 'default',
    node: p.node,
    labels: { ...(p.labels ?? {}) },
    ready: p.ready ?? true,
    ...optional('ip', 'ip' in p, p.ip),
    ports: (p.ports ?? []).map((port) => ({
      ...optional('name', 'name' in port, port.name),
      containerPort: port.containerPort,
      protocol: port.protocol ?? 'TCP',
    })),
  };
}

function serviceDefaults(s: ServiceInput): Scenario['cluster']['services'][number] {
  return {
    name: s.name,
    namespace: s.namespace ?? 'default',
    selector: { ...s.selector },
    ...optional('clusterIP', 'clusterIP' in s, s.clusterIP),
    ports: s.ports.map((port) => ({
      name: port.name ?? '',
      port: port.port,
      protocol: port.protocol ?? 'TCP',
      ...optional('targetPort', 'targetPort' in port, port.targetPort),
      ...optional('nodePort', 'nodePort' in port, port.nodePort),
    })),
    sessionAffinity: s.sessionAffinity ?? 'None',
    sessionAffinityTimeoutSeconds: s.sessionAffinityTimeoutSeconds ?? 10800,
    ...optional('type', 'type' in s, s.type),
    ...optional('externalIPs', 'externalIPs' in s, s.externalIPs && [...s.externalIPs]),
    ...optional('loadBalancerIPs', 'loadBalancerIPs' in s, s.loadBalancerIPs && [...s.loadBalancerIPs]),
    ...optional('loadBalancerSourceRanges', 'loadBalancerSourceRanges' in s, s.loadBalancerSourceRanges && [...s.loadBalancerSourceRanges]),
    ...optional('externalTrafficPolicy', 'externalTrafficPolicy' in s, s.externalTrafficPolicy),
    ...optional('healthCheckNodePort', 'healthCheckNodePort' in s, s.healthCheckNodePort),
    ...optional('internalTrafficPolicy', 'internalTrafficPolicy' in s, s.internalTrafficPolicy),
  };
}

const connectionDefaults = (c: ConnectionInput): Scenario['traffic'][number] => ({
  from: c.from,
  to: c.to,
  port: c.port,
  protocol: c.protocol ?? 'TCP',
  ...optional('at', 'at' in c, c.at),
  ...optional('address', 'address' in c, c.address),
  ...optional('node', 'node' in c, c.node),
  ...optional('ip', 'ip' in c, c.ip),
});

function eventDefaults(e: EventInput): ClusterEvent {
  if (e.action === 'create-pod') return { at: e.at, action: e.action, pod: podDefaults(e.pod) };
  if (e.action === 'create-service') return { at: e.at, action: e.action, service: serviceDefaults(e.service) };
  return { ...e };
}

/**
 * A trusted scenario (a preset) with the schema's defaults filled in, as
 * `parseScenario` would return it, without validating it: untrusted input
 * goes through `parseScenario`.
 */
export function withScenarioDefaults(input: ScenarioInput): Scenario {
  return {
    schemaVersion: input.schemaVersion,
    name: input.name,
    seed: input.seed,
    mode: input.mode ?? 'iptables',
    scheduler: input.scheduler ?? 'rr',
    cluster: {
      clusterCIDR: input.cluster.clusterCIDR ?? '10.244.0.0/16',
      serviceCIDR: input.cluster.serviceCIDR ?? '10.96.0.0/12',
      nodes: input.cluster.nodes.map((n) => ({ name: n.name, ip: n.ip, podCIDR: n.podCIDR })),
      pods: input.cluster.pods.map(podDefaults),
      services: input.cluster.services.map(serviceDefaults),
      ...optional(
        'externalClients',
        'externalClients' in input.cluster,
        input.cluster.externalClients?.map((c) => ({ name: c.name, kind: c.kind, ip: c.ip, ...optional('via', 'via' in c, c.via) })),
      ),
    },
    traffic: input.traffic.map(connectionDefaults),
    events: (input.events ?? []).map(eventDefaults),
  };
}
