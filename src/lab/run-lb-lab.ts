import { buildCluster, findService } from '../cluster/build-cluster';
import { peerName } from '../dataplane/walk-from';
import type { Cluster, ClusterService, ClusterState } from '../cluster/model';
import { scheduleTimeline } from '../cluster/timeline';
import { createRulesetCache } from '../dataplane/sync-kernel';
import { kernelOf, type World } from '../dataplane/world';
import { realServerKey, setRealServerWeight, virtualServerKey } from '../ipvs';
import type { Protocol } from '../net/packet';
import { err, ok, type Result } from '../net/result';
import type { Scenario } from '../scenario/schema';
import { clusterEvents } from '../trace/cluster-events';
import type { ControlPlaneMemory } from '../trace/control-plane';
import { EPHEMERAL_PORT_RANGE } from '../trace/ephemeral-port';
import { clientOf, type Client } from '../trace/run-connection';
import { createWorld } from '../trace/simulate';
import { chiSquare, chiSquarePValue } from './chi-square';
import { expectedShares } from './expected-shares';
import { LAB_MAX_CONNECTIONS, LAB_MIN_CONNECTIONS, type LbLabEndpoint, type LbLabOptions, type LbLabResult } from './lb-lab-types';
import { openLabConnection } from './open-lab-connection';
import { serviceRules } from './service-rules';

/** The world as the scenario's control-plane events left it at second `at` (kube-proxy resynced after each). */
function worldAt(scenario: Scenario, options: LbLabOptions): Result<World> {
  const built = buildCluster(scenario);
  if (!built.ok) return err(`invalid scenario: ${built.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  const parse = createRulesetCache();
  const world = createWorld(
    built.cluster,
    {
      seed: options.seed ?? scenario.seed,
      mode: options.mode ?? scenario.mode,
      scheduler: options.scheduler ?? scenario.scheduler,
      localPortRange: EPHEMERAL_PORT_RANGE,
    },
    parse,
    () => {},
  );
  const at = options.at ?? 0;
  const memory: ControlPlaneMemory = { podIps: new Map(), serviceIps: new Map() };
  let state: ClusterState = { cluster: built.cluster, allocation: built.allocation };
  for (const item of scheduleTimeline(scenario)) {
    if (item.kind !== 'event' || item.at > at) continue;
    world.now = Math.max(world.now, item.at);
    state = clusterEvents().run(world, state, scenario.events[item.index]!, memory, parse).state;
  }
  world.now = Math.max(world.now, at);
  return ok(world);
}

interface Target {
  readonly service: ClusterService;
  readonly port: number;
  readonly protocol: Protocol;
  readonly clients: readonly Client[];
}

/** The Service port and the clients, from the options or the scenario's first connection. */
function targetOf(cluster: Cluster, scenario: Scenario, options: LbLabOptions): Result<Target> {
  const first = scenario.traffic[0];
  const names = [...new Set(options.clients ?? (first ? [first.from] : []))];
  if (names.length === 0) return err('no client: name at least one pod or node');
  for (const name of names) {
    if (!cluster.pods.some((p) => p.name === name) && !cluster.nodes.some((n) => n.name === name))
      return err(`no pod or node named "${name}"`);
  }
  const clients = names.map((name) => clientOf(cluster, name));
  const ref = options.service ?? first?.to;
  if (!ref) return err('no Service: name one');
  const service = findService(cluster.services, ref, clients[0]!.namespace);
  if (!service) return err(`no Service named "${ref}"`);
  const sameService = first !== undefined && findService(cluster.services, first.to, clients[0]!.namespace) === service;
  const port = options.port ?? (sameService ? first.port : service.ports[0]?.port);
  const protocol = (options.protocol ?? (sameService && options.port === undefined ? first.protocol : undefined))?.toLowerCase();
  const servicePort = service.ports.find((p) => p.port === port && (protocol === undefined || p.protocol === protocol));
  if (!servicePort) return err(`Service "${service.name}" has no port ${port}${protocol ? `/${protocol.toUpperCase()}` : ''}`);
  return ok({ service, port: servicePort.port, protocol: servicePort.protocol, clients });
}

/** IPVS: sets real servers' weights by pod name on every node, as `ipvsadm -e -t VIP:PORT -r RIP:PORT -w N` does. */
function applyWeights(world: World, target: Target, weights: Readonly<Record<string, number>>): Result<true> {
  for (const [pod, weight] of Object.entries(weights)) {
    const ip = world.cluster.pods.find((p) => p.name === pod)?.ip;
    if (!ip) return err(`weights: no pod named "${pod}"`);
    if (!Number.isInteger(weight) || weight < 0 || weight > 65535) return err(`weights: ${pod}'s weight must be a whole number 0..65535`);
    for (const kernel of world.kernels.values()) {
      if (!kernel.ipvs) continue;
      const vsKey = virtualServerKey({ protocol: target.protocol, ip: target.service.clusterIP, port: target.port });
      const vs = kernel.ipvs.virtualServers.find((v) => virtualServerKey(v) === vsKey);
      for (const rs of vs?.realServers.filter((r) => r.ip === ip) ?? [])
        kernel.ipvs = setRealServerWeight(kernel.ipvs, vsKey, realServerKey(rs), weight);
    }
  }
  return ok(true);
}

function checkOptions(options: LbLabOptions): string | null {
  const n = options.connections;
  if (!Number.isInteger(n) || n < LAB_MIN_CONNECTIONS || n > LAB_MAX_CONNECTIONS)
    return `connections must be a whole number from ${LAB_MIN_CONNECTIONS} to ${LAB_MAX_CONNECTIONS.toLocaleString('en')}, not ${n}`;
  if (options.at !== undefined && !(Number.isFinite(options.at) && options.at >= 0)) return `at must be a second >= 0, not ${options.at}`;
  if (options.seed !== undefined && !Number.isInteger(options.seed)) return `seed must be a whole number, not ${options.seed}`;
  return null;
}

/**
 * Sends the connections, clients taking turns, and counts where each landed. Every
 * connection stays open to the end of the run (none is closed), so its source port
 * stays taken and IPVS keeps it in its real server's ActiveConn; once its handshake is
 * done, its conntrack entries and IPVS connection entry are set aside, since no later
 * packet of it is sent: they would only make every lookup after it longer.
 */
function sendConnections(world: World, target: Target, n: number): { counts: Map<string, number>; unanswered: number } {
  const counts = new Map<string, number>();
  const openPorts = new Map(target.clients.map((c) => [c.ip as string, new Set<number>()]));
  const before = [...world.kernels.values()].map((k) => ({ kernel: k, entries: k.conntrack.entries, ipvs: k.ipvs?.connections ?? [] }));
  let unanswered = 0;
  for (let i = 0; i < n; i++) {
    const client = target.clients[i % target.clients.length]!;
    const ports = openPorts.get(client.ip)!;
    const opened = openLabConnection(world, client, target.service, target.port, target.protocol, (p) => ports.has(p));
    if (opened.endpoint === null) unanswered++;
    else counts.set(opened.endpoint, (counts.get(opened.endpoint) ?? 0) + 1);
    ports.add(opened.sourcePort);
    for (const { kernel, entries, ipvs } of before) {
      kernel.conntrack = { ...kernel.conntrack, entries };
      if (kernel.ipvs) kernel.ipvs = { ...kernel.ipvs, connections: ipvs };
    }
  }
  return { counts, unanswered };
}

/**
 * The load-balancing lab: sends `connections` new connections from the client(s) to a
 * Service port, each through the engine's real evaluation (iptables: the nat rules with
 * their `statistic` draws from the seeded generator and the `recent` lists of session
 * affinity; IPVS: the virtual server's scheduler, connection counters and persistence),
 * and counts the endpoint each landed on, against the share the rules give it, with
 * Pearson's chi-square where the draws are random. Pure: the same scenario, seed and
 * options give the same counts. A readable error for options it cannot use.
 *
 * @example runLbLab(presetScenario('three-replicas')!, { connections: 3000 }) // ok: three endpoints, ~1000 each
 */
export function runLbLab(scenario: Scenario, options: LbLabOptions): Result<LbLabResult> {
  const problem = checkOptions(options);
  if (problem) return err(problem);
  const built = worldAt(scenario, options);
  if (!built.ok) return built;
  const world = built.value;
  const target = targetOf(world.cluster, scenario, options);
  if (!target.ok) return target;
  if (options.weights && Object.keys(options.weights).length > 0) {
    if (world.mode !== 'ipvs') return err('weights are IPVS real-server weights: use mode ipvs');
    const weighted = applyWeights(world, target.value, options.weights);
    if (!weighted.ok) return weighted;
  }
  const { service, port, protocol, clients } = target.value;
  const rules = serviceRules(kernelOf(world, clients[0]!.node), service, port, protocol);
  const start = world.now;
  const { counts, unanswered } = sendConnections(world, target.value, options.connections);
  const { shares, determinism } = expectedShares(rules);
  const podOf = (endpoint: string) => world.cluster.pods.find((p) => p.ip === endpoint.split(':')[0])?.name ?? null;
  const seen = [...counts.keys()].filter((e) => !shares.some((s) => s.endpoint === e)).map((endpoint) => ({ endpoint, share: 0 }));
  const endpoints: LbLabEndpoint[] = [...shares, ...seen].map(({ endpoint, share }) => ({
    endpoint,
    pod: podOf(endpoint),
    count: counts.get(endpoint) ?? 0,
    expectedShare: share,
  }));
  const { statistic, df } = chiSquare(
    endpoints.map((e) => e.count),
    endpoints.map((e) => e.expectedShare),
  );
  const pValue = determinism === 'random' ? chiSquarePValue(statistic, df) : null;
  return ok({
    service: `${service.namespace}/${service.name}`,
    servicePort: `${service.clusterIP}:${port}/${protocol.toUpperCase()}`,
    mode: world.mode,
    scheduler: world.mode === 'ipvs' ? (options.scheduler ?? scenario.scheduler) : null,
    seed: options.seed ?? scenario.seed,
    at: options.at ?? 0,
    clients: clients.map((c) => peerName(c.peer)),
    connections: options.connections,
    endpoints,
    unanswered,
    rules,
    test: { statistic, df, pValue, determinism },
    seconds: world.now - start,
  });
}
