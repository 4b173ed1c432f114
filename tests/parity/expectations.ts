import { isPacketStep, nodeIptablesSave, presetScenario, simulate, type PacketStep, type Scenario, type Trace } from '../../src/index';

/** How far the suite looks for a seed with which the engine picks what the kernel picked. */
const SEED_SEARCH = 200;

/** What the engine says about a scenario's first connection and its nodes, before any kernel runs. */
export interface Expectation {
  readonly scenario: Scenario;
  readonly trace: Trace;
  /** The client: a pod's name, or a node's (hostNetwork). */
  readonly client: string;
  readonly clientIsNode: boolean;
  readonly protocol: 'tcp' | 'udp';
  readonly serviceIp: string;
  readonly servicePort: number;
  /** The Service's ready endpoints (pod names), as kube-proxy sees them. */
  readonly endpoints: readonly string[];
  readonly sessionAffinity: boolean;
  /** Each node's nat and filter tables as `iptables-save` prints them (also what is loaded). */
  readonly rules: ReadonlyMap<string, string>;
}

/** The engine's view of a scenario: its trace with the scenario's seed, and every node's rules. */
export function engineExpectation(scenario: Scenario): Expectation {
  const trace = simulate(scenario);
  const traffic = scenario.traffic[0];
  const summary = trace.connections[0];
  if (!traffic || !summary) throw new Error(`${scenario.name} has no traffic`);
  const [namespace, name] = summary.service.split('/');
  const service = trace.topology.services.find((s) => s.namespace === namespace && s.name === name);
  if (!service) throw new Error(`${scenario.name}: no Service ${summary.service}`);
  const specService = scenario.cluster.services.find((s) => s.namespace === namespace && s.name === name);
  const rules = new Map(scenario.cluster.nodes.map((n) => [n.name, nodeIptablesSave(scenario, n.name)!] as const));
  return {
    scenario,
    trace,
    client: traffic.from,
    clientIsNode: scenario.cluster.nodes.some((n) => n.name === traffic.from),
    protocol: traffic.protocol === 'UDP' ? 'udp' : 'tcp',
    serviceIp: service.clusterIP,
    servicePort: traffic.port,
    endpoints: service.endpoints,
    sessionAffinity: specService?.sessionAffinity === 'ClientIP',
    rules,
  };
}

/**
 * The engine's trace with the first seed (from the scenario's own) whose connections pick the
 * pods in `picks` (null: no pod answered), in order: the kernel draws its own random numbers, so
 * this is how the engine is aligned with the kernel's picks before source addresses and conntrack
 * are compared.
 */
export function traceWithPicks(scenario: Scenario, picks: readonly (string | null)[]): Trace | undefined {
  for (let i = 0; i < SEED_SEARCH; i++) {
    const trace = simulate(scenario, { seed: (scenario.seed + i) >>> 0 });
    if (picks.every((pod, k) => (trace.connections[k]?.endpointPod ?? null) === pod)) return trace;
  }
  return undefined;
}

/** A connection's first packet as it reaches the server's eth0 (the source the server sees, its TTL). */
export function deliveredFirstPacket(trace: Trace, connection = 0): PacketStep | undefined {
  return trace.steps.find((s): s is PacketStep => isPacketStep(s) && s.kind === 'deliver' && s.connection === connection && s.packet === 0);
}

/** Every node's `conntrack -L` lines after a step of a trace (the end of a connection's walk, a sync). */
export function conntrackAt(trace: Trace, step: number): ReadonlyMap<string, readonly string[]> {
  return new Map((trace.steps[step]?.conntrack ?? []).map((c) => [c.node as string, c.entries.map((e) => e.text)] as const));
}

/** The preset, its Service ports, pods' ports and traffic turned to UDP: the same story over datagrams. */
export function udpVariant(preset: string): Scenario | undefined {
  const base = presetScenario(preset);
  if (!base) return undefined;
  return {
    ...base,
    name: `${base.name}-udp`,
    cluster: {
      ...base.cluster,
      pods: base.cluster.pods.map((p) => ({ ...p, ports: p.ports.map((port) => ({ ...port, protocol: 'UDP' as const })) })),
      services: base.cluster.services.map((s) => ({ ...s, ports: s.ports.map((port) => ({ ...port, protocol: 'UDP' as const })) })),
    },
    traffic: base.traffic.map((t) => ({ ...t, protocol: 'UDP' as const })),
  };
}
