import type { Scenario } from '../../src/index';

/** A Service port the lab can send to. */
export interface LabServicePort {
  /** "default/svc1 80/TCP": the option's value. */
  readonly key: string;
  /** "svc1 80/TCP" (the namespace only when not default). */
  readonly label: string;
  readonly service: string;
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP';
}

/** A moment of the scenario's timeline to run the lab at: the start, or right after the events of a second. */
export interface LabMoment {
  readonly at: number;
  /** The events, as the scenario names them ("delete-pod pod4"); null for the start. */
  readonly event: string | null;
}

/** What the lab's form offers, read from the scenario, and what it starts on. */
export interface LabChoices {
  readonly servicePorts: readonly LabServicePort[];
  readonly clients: readonly string[];
  readonly moments: readonly LabMoment[];
  readonly defaultPort: string | null;
  readonly defaultClients: readonly string[];
}

const eventName = (e: Scenario['events'][number]) =>
  `${e.action} ${'pod' in e ? (typeof e.pod === 'string' ? e.pod : e.pod.name) : typeof e.service === 'string' ? e.service : e.service.name}`;

/**
 * The Service ports (SCTP aside: the lab counts TCP and UDP), the clients (pods, then
 * nodes) and the moments (the start, then after each event) of a scenario; the defaults are
 * its first connection's Service port and client.
 *
 * @example labChoices(presetScenario('three-replicas')!).defaultPort // 'default/svc1 80/TCP'
 */
export function labChoices(scenario: Scenario): LabChoices {
  const servicePorts = scenario.cluster.services.flatMap((s) =>
    s.ports
      .filter((p): p is typeof p & { protocol: 'TCP' | 'UDP' } => p.protocol === 'TCP' || p.protocol === 'UDP')
      .map((p) => ({
        key: `${s.namespace}/${s.name} ${p.port}/${p.protocol}`,
        label: `${s.namespace === 'default' ? '' : `${s.namespace}/`}${s.name} ${p.port}/${p.protocol}`,
        service: `${s.namespace}/${s.name}`,
        port: p.port,
        protocol: p.protocol,
      })),
  );
  const first = scenario.traffic[0];
  const firstPod = first && scenario.cluster.pods.find((p) => p.name === first.from);
  const firstRef = first ? (first.to.includes('/') ? first.to : `${firstPod?.namespace ?? 'default'}/${first.to}`) : null;
  const defaultPort =
    servicePorts.find((p) => first && p.service === firstRef && p.port === first.port && p.protocol === first.protocol) ?? servicePorts[0];
  // Events at the same second happen together: the lab runs after all of them.
  const byTime = new Map<number, string[]>();
  for (const e of [...scenario.events].sort((a, b) => a.at - b.at)) byTime.set(e.at, [...(byTime.get(e.at) ?? []), eventName(e)]);
  const moments: LabMoment[] = [{ at: 0, event: null }, ...[...byTime].map(([at, names]) => ({ at, event: names.join(', ') }))];
  return {
    servicePorts,
    clients: [...scenario.cluster.pods.map((p) => p.name), ...scenario.cluster.nodes.map((n) => n.name)],
    moments,
    defaultPort: defaultPort?.key ?? null,
    defaultClients: first ? [first.from] : scenario.cluster.pods.slice(0, 1).map((p) => p.name),
  };
}
