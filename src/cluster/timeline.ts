import type { Protocol } from '../net/packet';
import type { Scenario } from '../scenario/schema';
import { clusterEvents } from '../trace/cluster-events';
import { connectionAddress } from './connection-address';
import type { ClusterService, ClusterState } from './model';

/** One item of a scenario's timeline: a control-plane event or a connection, at its simulated second. */
export type TimelineItem =
  | { readonly kind: 'event'; readonly index: number; readonly at: number }
  | { readonly kind: 'traffic'; readonly index: number; readonly at: number };

/**
 * Orders a scenario's events and connections by time. A connection opens at its
 * `at`, or at its index in seconds when it has none, and never before the one
 * listed ahead of it (traffic runs in list order). Events run in time order
 * (list order among equal times). At the same second an event comes first, so
 * a connection opened "at 3" sees the cluster as an event "at 3" left it.
 */
export function scheduleTimeline(scenario: Pick<Scenario, 'traffic' | 'events'>): TimelineItem[] {
  const items: TimelineItem[] = [];
  let last = 0;
  scenario.traffic.forEach((c, index) => {
    last = Math.max(last, c.at ?? index);
    items.push({ kind: 'traffic', index, at: last });
  });
  scenario.events.forEach((e, index) => items.push({ kind: 'event', index, at: e.at }));
  return items.sort((a, b) => a.at - b.at || (a.kind === b.kind ? a.index - b.index : a.kind === 'event' ? -1 : 1));
}

/** Finds "svc1" in the client's namespace or "namespace/svc1". */
export function findService(services: readonly ClusterService[], ref: string, namespace: string): ClusterService | undefined {
  const [ns, name] = ref.includes('/') ? ref.split('/', 2) : [namespace, ref];
  return services.find((s) => s.namespace === ns && s.name === name);
}

/**
 * Walks the timeline without sending packets and reports what cannot happen:
 * an event on a pod or Service that does not exist at that moment (or creates
 * one that already does), a connection from a pod that is gone or to a Service
 * that is gone or lacks the port. Paths are like "events[2].pod" or "traffic[1].to".
 * Events are applied by the cluster events' engine, which must be registered when the
 * scenario has any (`clusterEvents` throws, naming the fix, otherwise).
 */
export function validateTimeline(scenario: Scenario, start: ClusterState): { readonly path: string; readonly message: string }[] {
  const errors: { path: string; message: string }[] = [];
  let state = start;
  for (const item of scheduleTimeline(scenario)) {
    if (item.kind === 'event') {
      const event = scenario.events[item.index]!;
      const result = clusterEvents().apply(state, event);
      if (result.ok) state = result.state;
      else errors.push({ path: `events[${item.index}].${result.field}`, message: result.message });
      continue;
    }
    const c = scenario.traffic[item.index]!;
    const path = `traffic[${item.index}]`;
    const { pods, nodes, services, externalClients } = state.cluster;
    const client = pods.find((p) => p.name === c.from);
    const host = nodes.find((n) => n.name === c.from);
    const outside = externalClients.some((x) => x.name === c.from);
    const when = scenario.events.length > 0 ? ` at ${item.at} s` : '';
    if (client && host) {
      errors.push({ path: `${path}.from`, message: `"${c.from}" names both a pod and a node` });
      continue;
    }
    if (!client && !host && !outside) {
      const kinds = externalClients.length > 0 ? 'pod, node or external client' : 'pod or node';
      errors.push({ path: `${path}.from`, message: `no ${kinds} named "${c.from}"${when}` });
      continue;
    }
    const service = findService(services, c.to, client?.namespace ?? 'default');
    if (!service) {
      errors.push({ path: `${path}.to`, message: `no Service named "${c.to}"${when}` });
      continue;
    }
    const port = service.ports.find((p) => p.port === c.port && p.protocol === (c.protocol.toLowerCase() as Protocol));
    if (!port) {
      errors.push({ path: `${path}.port`, message: `Service "${c.to}" has no port ${c.port}/${c.protocol}` });
      continue;
    }
    const address = connectionAddress(state.cluster, c, service, port, outside);
    if (!address.ok) errors.push({ path: `${path}.${address.field}`, message: address.message });
  }
  return errors;
}
