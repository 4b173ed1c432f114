import { buildCluster, type BuiltCluster } from './build-cluster';
import { planCluster, type ClusterPlan } from './cluster-plan';
import { compareCounters } from './compare-counters';
import { compareConntrack, compareDistribution, compareFirstAnswer, compareRules } from './compare';
import { conntrackAt, deliveredFirstPacket, traceWithPicks, type Expectation } from './expectations';
import { loadNodeRules, saveNodeRules } from './load-rules';
import type { ParityRun } from './namespaces';
import { check, fail, type Check } from './report';
import { holdConnection, openConnections, startServers, type Answer } from './traffic';
import { arrivedTtls, installTtlCounters } from './udp-ttl';

/** Connections per scenario for the distribution (the 300). */
export const DISTRIBUTION_CONNECTIONS = 300;

export interface ScenarioOptions {
  /** Spoils each node's rules before loading (`--break`); the engine's text is still what is expected. */
  readonly spoil?: (rules: string) => string;
}

/** What the kernel showed while the first connection was open. */
interface FirstConnection {
  readonly answer: Answer;
  readonly conntrack: Map<string, string>;
  readonly counters: Map<string, string>;
  readonly ttls: number[];
}

/**
 * One scenario on a real kernel: build its cluster, load the engine's rules, open its first
 * connection and read every node's conntrack and counters while it is open, then open 300 for
 * the distribution; compare all of it with the engine. The cluster is torn down in any case.
 */
export async function runScenario(run: ParityRun, exp: Expectation, tag: string, options: ScenarioOptions): Promise<Check[]> {
  const name = exp.scenario.name;
  const plan = planCluster(exp.scenario, exp.trace.epochs[0]?.topology ?? exp.trace.topology);
  let cluster: BuiltCluster | undefined;
  const checks: Check[] = [];
  try {
    cluster = buildCluster(run, plan, tag);
    checks.push(...loadRules(run, exp, cluster, options));
    if (checks.some((c) => c.status === 'FAIL' && c.detail.startsWith('iptables-restore'))) return checks;
    if (exp.protocol === 'udp') installUdpCounters(run, plan, cluster);
    await startServers(run, cluster, plan.pods);
    const first = await firstConnection(run, exp, plan, cluster);
    checks.push(...compareFirst(exp, first));
    if (exp.endpoints.length > 0) checks.push(await distribution(run, exp, cluster));
    return checks;
  } catch (e) {
    return [...checks, fail(`${name}: run`, (e as Error).message)];
  } finally {
    if (cluster) run.teardown(cluster.all);
  }
}

/**
 * 300 connections against the engine's endpoints. A right rule set still fails a 99% test one
 * time in a hundred; with a dozen scenarios a run would fail often by chance. So a chi-square
 * failure (every answer from an endpoint) draws a second 300, which must pass: a right rule set
 * then fails one time in ten thousand, and a wrong split (the --break run's 0.9) fails both.
 */
async function distribution(run: ParityRun, exp: Expectation, cluster: BuiltCluster): Promise<Check> {
  const sample = () => openConnections(run, clientNs(exp, cluster), exp.protocol, exp.serviceIp, exp.servicePort, DISTRIBUTION_CONNECTIONS);
  const answers = await sample();
  const first = compareDistribution(exp.scenario.name, answers, exp.endpoints, exp.sessionAffinity);
  const byEndpoints = answers.every((a) => 'pod' in a && exp.endpoints.includes(a.pod));
  if (first.status === 'PASS' || exp.sessionAffinity || !byEndpoints) return first;
  const second = compareDistribution(exp.scenario.name, await sample(), exp.endpoints, exp.sessionAffinity);
  return { ...second, detail: `first 300 over the critical value (${first.detail}); second 300: ${second.detail}` };
}

export function loadRules(run: ParityRun, exp: Expectation, cluster: BuiltCluster, options: ScenarioOptions): Check[] {
  return [...exp.rules.entries()].map(([node, rules]) => {
    const ns = cluster.nodes.get(node)!;
    try {
      loadNodeRules(run, ns, options.spoil ? options.spoil(rules) : rules);
    } catch (e) {
      return fail(`${exp.scenario.name}: rules on ${node}`, `iptables-restore refused the engine's rules: ${(e as Error).message}`);
    }
    return compareRules(exp.scenario.name, node, rules, saveNodeRules(run, ns));
  });
}

function installUdpCounters(run: ParityRun, plan: ClusterPlan, cluster: BuiltCluster): void {
  for (const pod of plan.pods) {
    for (const p of pod.ports) if (p.protocol === 'udp') installTtlCounters(run, cluster.pods.get(pod.name)!, p.port);
  }
}

function clientNs(exp: Expectation, cluster: BuiltCluster): string {
  const ns = exp.clientIsNode ? cluster.nodes.get(exp.client) : cluster.pods.get(exp.client);
  if (!ns) throw new Error(`no namespace for the client ${exp.client}`);
  return ns;
}

async function firstConnection(run: ParityRun, exp: Expectation, plan: ClusterPlan, cluster: BuiltCluster): Promise<FirstConnection> {
  const held = await holdConnection(run, clientNs(exp, cluster), exp.protocol, exp.serviceIp, exp.servicePort);
  try {
    const conntrack = new Map(
      plan.nodes.map((n) => [n.name, run.exec(cluster.nodes.get(n.name)!, 'conntrack', ['-L', '-f', 'ipv4'])] as const),
    );
    const counters = new Map(plan.nodes.map((n) => [n.name, saveNodeRules(run, cluster.nodes.get(n.name)!, true)] as const));
    const answer = held.answer;
    const ttls = exp.protocol === 'udp' && 'pod' in answer ? arrivedTtls(run, cluster.pods.get(answer.pod)!) : [];
    return { answer: held.answer, conntrack, counters, ttls };
  } finally {
    await held.close();
  }
}

/** The first connection against the engine: the answer, and (aligned on the kernel's pick) source, conntrack, counters, TTL. */
function compareFirst(exp: Expectation, first: FirstConnection): Check[] {
  const name = exp.scenario.name;
  const summary = exp.trace.connections[0]!;
  const checks = [compareFirstAnswer(name, first.answer, summary.outcome, exp.endpoints)];
  const keep = new Set([exp.servicePort, ...exp.trace.connections.flatMap((c) => (c.endpoint ? [Number(c.endpoint.split(':')[1])] : []))]);
  if (!('pod' in first.answer)) {
    checks.push(
      ...compareConntrack(name, conntrackAt(exp.trace, summary.lastStep), first.conntrack, keep),
      ...compareCounters(name, exp.trace, first.counters),
    );
    return checks;
  }
  const picked = first.answer.pod;
  const enginePick = summary.endpointPod;
  checks.push(
    check(
      enginePick !== null && exp.endpoints.includes(enginePick),
      `${name}: engine's pick`,
      `the engine (seed ${exp.scenario.seed}) picks ${enginePick}, a ready endpoint; the kernel picked ${picked}`,
    ),
  );
  const aligned = traceWithPicks(exp.scenario, [picked]);
  if (!aligned) return [...checks, fail(`${name}: alignment`, `no engine seed picks ${picked}, as the kernel did`)];
  const delivered = deliveredFirstPacket(aligned)!;
  const seen = first.answer.peer.split(':')[0];
  checks.push(
    check(
      seen === delivered.after.srcIp,
      `${name}: source seen`,
      `${picked} saw ${first.answer.peer}; engine (seed ${aligned.seed}, same pick): ${delivered.after.srcIp}`,
    ),
    ...compareConntrack(name, conntrackAt(aligned, aligned.connections[0]!.lastStep), first.conntrack, keep),
    ...compareCounters(name, aligned, first.counters),
  );
  if (exp.protocol === 'udp') {
    const ttl = delivered.after.ttl;
    checks.push(
      check(
        first.ttls.length === 1 && first.ttls[0] === ttl,
        `${name}: UDP TTL`,
        `arrived with TTL ${first.ttls.join(', ') || '?'}; engine: ${ttl}`,
      ),
    );
  }
  return checks;
}
