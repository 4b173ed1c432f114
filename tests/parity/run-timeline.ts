import type { ChildProcess } from 'node:child_process';
import { topologyAt, type ControlPlaneStep, type Trace } from '../../src/index';
import { diffIptablesSave } from '../../src/trace/rules-diff';
import { addPod, buildCluster, type BuiltCluster } from './build-cluster';
import { routeToEntry } from './build-outside';
import { planCluster, podPorts, type ClusterPlan } from './cluster-plan';
import { compareConntrack, compareFirstAnswer, compareRules } from './compare';
import { compareCounters, compareDropRule } from './compare-counters';
import { engineTimeline, podChanges, staleUdpPairs, syncGroups, type EventStage } from './engine-timeline';
import { conntrackAt, deliveredFirstPacket, traceWithPicks, type Expectation } from './expectations';
import { restoreRules, saveNodeRules } from './load-rules';
import type { ParityRun } from './namespaces';
import { iptablesSaveTables } from './normalise';
import { outsideConnection } from './outside-plan';
import { check, fail, type Check } from './report';
import { loadRules } from './run-scenario';
import { holdConnection, startServer, startServers, type HeldConnection } from './traffic';

/**
 * How long an outside client waits for an answer: a connection the engine drops is waited out,
 * and an answer inside these namespaces takes milliseconds.
 */
const OUTSIDE_WAIT_MS = 1500;

/** Everything a replay of a timeline keeps between its stages. */
interface Replay {
  readonly run: ParityRun;
  readonly exp: Expectation;
  readonly plan: ClusterPlan;
  readonly cluster: BuiltCluster;
  readonly tag: string;
  readonly pods: Map<string, { ns: string; server: ChildProcess }>;
  readonly held: HeldConnection[];
  /** The pod each connection so far reached (null: refused), to align the engine's seed. */
  readonly picks: (string | null)[];
  aligned: Trace;
  readonly keep: ReadonlySet<number>;
}

/**
 * A scenario with control-plane events or clients outside the cluster on a real kernel: its
 * connections in order, held open as the engine's are, and between them each event as kube-proxy's
 * sync would apply it: pods deleted (their network gone at once) or created, every node's rules
 * replaced by the engine's for the new cluster, the stale UDP flows deleted with `conntrack -D`.
 * After each step the kernel is compared with the engine: rules and their diff, conntrack on every
 * node, the answering pod (or the silence of a dropped connection) and its source; without events
 * (the rules loaded once), the rule counters too.
 */
export async function runTimeline(run: ParityRun, exp: Expectation, tag: string): Promise<Check[]> {
  const plan = planCluster(exp.scenario, exp.trace.epochs[0]?.topology ?? exp.trace.topology);
  let cluster: BuiltCluster | undefined;
  const replay: Partial<Replay> = {};
  const checks: Check[] = [];
  try {
    cluster = buildCluster(run, plan, tag);
    checks.push(...loadRules(run, exp, cluster, {}));
    const servers = await startServers(run, cluster, plan.pods);
    const pods = new Map([...servers].map(([pod, server]) => [pod, { ns: cluster!.pods.get(pod)!, server }] as const));
    const outsidePorts = exp.trace.connections.flatMap((c) => outsideConnection(exp.trace, c.index)?.dstPort ?? []);
    const ports = [...exp.scenario.traffic.map((t) => t.port), ...outsidePorts, ...plan.pods.flatMap((p) => p.ports.map((q) => q.port))];
    Object.assign(replay, { run, exp, plan, cluster, tag, pods, held: [], picks: [], aligned: exp.trace, keep: new Set(ports) });
    for (const stage of engineTimeline(exp.scenario)) {
      if (stage.kind === 'event') checks.push(...(await replayEvent(replay as Replay, stage)));
      else checks.push(...(await replayConnection(replay as Replay, stage.index)));
    }
    return checks;
  } catch (e) {
    return [...checks, fail(`${exp.scenario.name}: run`, (e as Error).message)];
  } finally {
    await Promise.all((replay.held ?? []).map((h) => h.close()));
    if (cluster) run.teardown([...cluster.all, ...[...(replay.pods?.values() ?? [])].map((p) => p.ns)]);
  }
}

async function replayEvent(r: Replay, stage: EventStage): Promise<Check[]> {
  const name = `${r.exp.scenario.name}: ${stage.label}`;
  await replayPods(r, stage);
  const syncs = syncGroups(r.aligned)[stage.event] ?? [];
  const checks: Check[] = [];
  for (const [node, rules] of stage.rules) {
    const ns = r.cluster.nodes.get(node)!;
    const before = saveNodeRules(r.run, ns);
    restoreRules(r.run, ns, rules);
    const after = saveNodeRules(r.run, ns);
    checks.push(compareRules(name, node, rules, after));
    const kernelDiff = diffIptablesSave(plainSave(before), plainSave(after));
    const engineDiff = syncs.find((s) => s.node === node)?.rulesDiff?.tables ?? [];
    const same = JSON.stringify(kernelDiff) === JSON.stringify(engineDiff);
    const count = (d: typeof engineDiff) => d.reduce((n, t) => n + t.added.length + t.removed.length, 0);
    checks.push(
      check(
        same,
        `${name}: rules diff on ${node}`,
        same
          ? `${count(engineDiff)} lines changed, as in the engine's sync`
          : `engine: ${JSON.stringify(engineDiff)}\nkernel: ${JSON.stringify(kernelDiff)}`,
      ),
    );
  }
  checks.push(...cleanStaleUdp(r, stage, name, syncs));
  const last = syncs[syncs.length - 1];
  if (last) checks.push(...compareConntrack(`${name}, synced`, conntrackAt(r.aligned, last.index), kernelConntrack(r), r.keep));
  return checks;
}

/**
 * kube-proxy's stale-UDP cleanup on every node, by the filter it uses (orig dst = the ClusterIP,
 * reply src = the gone endpoint), against the entries the engine's sync says it deleted there.
 */
function cleanStaleUdp(r: Replay, stage: EventStage, name: string, syncs: readonly ControlPlaneStep[]): Check[] {
  const pairs = staleUdpPairs(stage.before, stage.after);
  if (pairs.length === 0) return [];
  return [...r.cluster.nodes].map(([node, ns]) => {
    let deleted = 0;
    for (const { serviceIp, endpointIp } of pairs) {
      const out = r.run.tryExec(ns, 'conntrack', ['-D', '-p', 'udp', '--orig-dst', serviceIp, '--reply-src', endpointIp]);
      deleted += Number(/(\d+) flow entries have been deleted/.exec(out.stderr)?.[1] ?? 0);
    }
    const engine = syncs.find((s) => s.node === node)?.rulesDiff?.conntrackDeleted.length ?? 0;
    const filter = pairs.map((p) => `--orig-dst ${p.serviceIp} --reply-src ${p.endpointIp}`).join(', ');
    return check(
      deleted === engine,
      `${name}: stale UDP on ${node}`,
      `conntrack -D -p udp ${filter} deleted ${deleted}; the engine's cleanup deleted ${engine}`,
    );
  });
}

/** Pods the event deleted lose their network at once (the engine keeps their TCP flows ESTABLISHED), then their server and namespace. */
async function replayPods(r: Replay, stage: EventStage): Promise<void> {
  const { removed, added } = podChanges(stage.before, stage.after);
  for (const pod of removed) {
    const live = r.pods.get(pod.name);
    if (!live) continue;
    r.run.exec(r.cluster.nodes.get(pod.node)!, 'ip', ['link', 'del', pod.veth]);
    r.run.stop(live.server);
    r.run.deleteNamespace(live.ns);
    r.pods.delete(pod.name);
  }
  for (const pod of added) {
    const plan = { name: pod.name, node: pod.node, ip: pod.ip, veth: pod.veth, ports: podPorts(r.exp.scenario, pod.name) };
    const ns = addPod(r.run, r.plan, r.cluster, plan, `${r.tag}-e${r.pods.size}-${pod.name}`);
    r.pods.set(pod.name, { ns, server: await startServer(r.run, ns, plan) });
  }
}

async function replayConnection(r: Replay, index: number): Promise<Check[]> {
  const name = `${r.exp.scenario.name}: connection ${index}`;
  const traffic = r.exp.scenario.traffic[index]!;
  const summary = r.exp.trace.connections[index]!;
  const [svcNamespace, svcName] = summary.service.split('/');
  const service = topologyAt(r.exp.trace, summary.firstStep).services.find((s) => s.namespace === svcNamespace && s.name === svcName)!;
  const target = connectionTarget(r, index, service.clusterIP);
  if (!target) return [fail(name, `no namespace for the client ${traffic.from}`)];
  const protocol = traffic.protocol === 'UDP' ? 'udp' : 'tcp';
  const held = await holdConnection(r.run, target.ns, protocol, target.host, target.port, target.timeoutMs);
  r.held.push(held);
  const answer = held.answer;
  const checks = [compareFirstAnswer(name, answer, summary.outcome, service.endpoints, 'answer')];
  r.picks.push('pod' in answer ? answer.pod : null);
  const aligned = traceWithPicks(r.exp.scenario, r.picks);
  if (!aligned) return [...checks, fail(`${name}: alignment`, `no engine seed picks ${r.picks.join(', ')}, as the kernel did`)];
  r.aligned = aligned;
  const delivered = deliveredFirstPacket(aligned, index);
  if ('pod' in answer && delivered) {
    const seen = answer.peer.split(':')[0];
    checks.push(
      check(
        seen === delivered.after.srcIp,
        `${name}: source seen`,
        `${answer.pod} saw ${answer.peer}; engine (seed ${aligned.seed}): ${delivered.after.srcIp}`,
      ),
    );
  }
  checks.push(...compareConntrack(name, conntrackAt(aligned, aligned.connections[index]!.lastStep), kernelConntrack(r), r.keep));
  if (r.exp.scenario.events.length === 0) {
    const counters = new Map([...r.cluster.nodes].map(([node, ns]) => [node, saveNodeRules(r.run, ns, true)] as const));
    checks.push(...compareCounters(name, aligned, counters, index));
    const drop = compareDropRule(name, aligned, index, counters);
    if (drop) checks.push(drop);
  }
  return checks;
}

/**
 * Where a connection starts and what it is sent to. An outside client's: its node port, external
 * or load balancer IP, once the network routes that to the node the engine chose. Anyone else's:
 * the Service's cluster IP, from a pod's or a node's namespace.
 */
function connectionTarget(
  r: Replay,
  index: number,
  clusterIp: string,
): { ns: string; host: string; port: number; timeoutMs?: number } | undefined {
  const outside = outsideConnection(r.exp.trace, index);
  if (outside) {
    routeToEntry(r.run, r.cluster.outside, outside);
    const ns = r.cluster.outside.clients.get(outside.client.name);
    return ns === undefined ? undefined : { ns, host: outside.dstIp, port: outside.dstPort, timeoutMs: OUTSIDE_WAIT_MS };
  }
  const traffic = r.exp.scenario.traffic[index]!;
  const ns = r.cluster.nodes.get(traffic.from) ?? r.pods.get(traffic.from)?.ns;
  return ns === undefined ? undefined : { ns, host: clusterIp, port: traffic.port };
}

function kernelConntrack(r: Replay): Map<string, string> {
  return new Map([...r.cluster.nodes].map(([node, ns]) => [node, r.run.exec(ns, 'conntrack', ['-L', '-f', 'ipv4'])] as const));
}

/** An iptables-save text as the engine's diff reads it: no comments, chain counters zeroed. */
function plainSave(text: string): string {
  return [...iptablesSaveTables(text)].map(([table, body]) => `*${table}\n${body}\nCOMMIT`).join('\n');
}
