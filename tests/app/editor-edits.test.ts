import { afterEach, describe, expect, it } from 'vitest';
import {
  addNode,
  addPod,
  addService,
  removeNode,
  removePod,
  removeService,
  scaleGroup,
  setClusterIP,
  setPodLabels,
  setPodReady,
  setSeed,
  setServicePorts,
  setSessionAffinity,
  setServiceSelector,
  setTraffic,
} from '../../app/editor/edits';
import { formatLabels, parseLabels } from '../../app/editor/labels-text';
import { nextName } from '../../app/editor/names';
import { nextSeed } from '../../app/editor/next-seed';
import { parseScenario, PRESETS, simulate, type ScenarioInput } from '../../src/index';

const article = PRESETS.article!;
const frozen = structuredClone(article);
const valid = (s: ScenarioInput) => {
  const parsed = parseScenario(s);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return parsed.scenario;
};
const podNames = (s: ScenarioInput) => s.cluster.pods.map((p) => `${p.name}@${p.node}`);

describe('scenario edits', () => {
  afterEach(() => expect(article).toEqual(frozen)); // no edit touches its argument

  it('adds a node with the next node IP and the next free /24 as its pod CIDR', () => {
    const next = addNode(article, { name: 'vm3' });
    expect(next.cluster.nodes.at(-1)).toEqual({ name: 'vm3', ip: '192.168.0.13', podCIDR: '10.244.3.0/24' });
    expect(valid(next).cluster.nodes).toHaveLength(3);
  });

  it('adds a node with the addresses given', () => {
    expect(addNode(article, { name: 'edge', ip: '192.168.0.50', podCIDR: '10.244.9.0/24' }).cluster.nodes.at(-1)).toEqual({
      name: 'edge',
      ip: '192.168.0.50',
      podCIDR: '10.244.9.0/24',
    });
  });

  it('removes a node and its pods', () => {
    const next = removeNode(article, 'vm2');
    expect(next.cluster.nodes.map((n) => n.name)).toEqual(['vm1']);
    expect(podNames(next)).toEqual(['pod1@vm1', 'pod2@vm1']);
    // svc1 has no endpoints left, but the scenario is still valid: pod1 is rejected.
    expect(valid(next).cluster.pods).toHaveLength(2);
  });

  it('adds a pod whose IP is then allocated from its node', () => {
    const next = addPod(article, { name: 'pod5', node: 'vm2', labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }] });
    expect(podNames(next).at(-1)).toBe('pod5@vm2');
    const trace = simulate(valid(next));
    expect(trace.topology.pods.find((p) => p.name === 'pod5')).toMatchObject({ node: 'vm2', ip: '10.244.2.4' });
    expect(trace.topology.services[0]!.endpoints).toContain('pod5');
  });

  it('removes a pod', () => {
    expect(podNames(removePod(article, 'pod3'))).toEqual(['pod1@vm1', 'pod2@vm1', 'pod4@vm2']);
  });

  it.each([false, true])('sets a pod ready = %s', (ready) => {
    const next = setPodReady(article, 'pod4', ready);
    expect(next.cluster.pods.find((p) => p.name === 'pod4')!.ready).toBe(ready);
    expect(simulate(valid(next)).topology.services[0]!.endpoints.includes('pod4')).toBe(ready);
  });

  it('relabels a pod, which moves it out of its Service', () => {
    const next = setPodLabels(article, 'pod3', { app: 'db', tier: 'back' });
    expect(next.cluster.pods.find((p) => p.name === 'pod3')!.labels).toEqual({ app: 'db', tier: 'back' });
    expect(simulate(valid(next)).topology.services[0]!.endpoints).toEqual(['pod4']);
  });

  it('scales a group up: names podN, copies the first pod, spreads over the nodes with the fewest of the group (first on a tie)', () => {
    const up = scaleGroup(article, { app: 'web' }, 5);
    expect(podNames(up)).toEqual(['pod1@vm1', 'pod2@vm1', 'pod3@vm2', 'pod4@vm2', 'pod5@vm1', 'pod6@vm1', 'pod7@vm1']);
    expect(up.cluster.pods.at(-1)).toEqual({
      name: 'pod7',
      node: 'vm1',
      labels: { app: 'web' },
      ready: true,
      ports: [{ name: 'http', containerPort: 8080 }],
    });
    expect(simulate(valid(up)).topology.services[0]!.endpoints).toHaveLength(5);
    expect(scaleGroup(article, { app: 'web' }, 5)).toEqual(up); // deterministic
  });

  it('scales a group down by removing its last pods', () => {
    expect(podNames(scaleGroup(article, { app: 'web' }, 1))).toEqual(['pod1@vm1', 'pod2@vm1', 'pod3@vm2']);
    expect(podNames(scaleGroup(article, { app: 'web' }, 0))).toEqual(['pod1@vm1', 'pod2@vm1']);
  });

  it('scales a group with no pod yet from its selector alone, and never an empty selector', () => {
    const next = scaleGroup(article, { app: 'api' }, 2);
    expect(next.cluster.pods.slice(-2)).toEqual([
      { name: 'pod5', node: 'vm1', labels: { app: 'api' }, ready: true },
      { name: 'pod6', node: 'vm2', labels: { app: 'api' }, ready: true },
    ]);
    expect(scaleGroup(article, {}, 9)).toBe(article);
  });

  it('adds and removes a Service', () => {
    const added = addService(article, { name: 'svc2', selector: { app: 'web' }, ports: [{ name: 'http', port: 8081, targetPort: 8080 }] });
    const trace = simulate(valid(added));
    expect(trace.topology.services.map((s) => `${s.name}=${s.clusterIP}`)).toEqual(['svc1=10.96.0.10', 'svc2=10.96.0.11']);
    expect(removeService(added, 'svc2').cluster.services).toEqual(article.cluster.services);
  });

  it('sets a Service selector', () => {
    expect(setServiceSelector(article, 'svc1', { app: 'client' }).cluster.services[0]!.selector).toEqual({ app: 'client' });
  });

  it('sets a Service ports, with a numeric or a named targetPort', () => {
    const ports = [
      { name: 'http', port: 80, targetPort: 8080 },
      { name: 'alt', port: 8000, protocol: 'TCP' as const, targetPort: 'http' },
    ];
    const next = setServicePorts(article, 'svc1', ports);
    expect(next.cluster.services[0]!.ports).toEqual(ports);
    expect(simulate(valid(next)).topology.services[0]!.ports.map((p) => p.targetPort)).toEqual([8080, 'http']);
  });

  it('sets the cluster IP automatic (dropped) or fixed', () => {
    const auto = setClusterIP(article, 'svc1', { kind: 'auto' });
    expect('clusterIP' in auto.cluster.services[0]!).toBe(false);
    expect(simulate(valid(auto)).topology.services[0]!.clusterIP).toBe('10.96.0.10');
    const fixed = setClusterIP(article, 'svc1', { kind: 'fixed', ip: ' 10.96.7.7 ' });
    expect(fixed.cluster.services[0]!.clusterIP).toBe('10.96.7.7');
    const bad = parseScenario(setClusterIP(article, 'svc1', { kind: 'fixed', ip: '192.168.1.1' }));
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['cluster.services[0].clusterIP']);
  });

  it.each(['ClientIP', 'None'] as const)('sets session affinity %s', (affinity) => {
    expect(setSessionAffinity(article, 'svc1', affinity).cluster.services[0]!.sessionAffinity).toBe(affinity);
  });

  it('sets the traffic', () => {
    const next = setTraffic(article, [{ from: 'pod2', to: 'svc1', port: 80, protocol: 'TCP' }]);
    expect(next.traffic).toEqual([{ from: 'pod2', to: 'svc1', port: 80, protocol: 'TCP' }]);
    expect(simulate(valid(next)).connections[0]!.client).toBe('pod2');
  });

  it('sets the seed', () => {
    expect(setSeed(article, 42).seed).toBe(42);
  });

  it('carries fields it does not know', () => {
    const withExtra = { ...article, events: [{ at: 1 }] } as unknown as ScenarioInput;
    expect((addNode(withExtra, { name: 'vm3' }) as unknown as { events: unknown }).events).toEqual([{ at: 1 }]);
  });
});

describe('editor helpers', () => {
  it.each([
    ['app=web', { app: 'web' }],
    ['app=web, tier=db', { app: 'web', tier: 'db' }],
    ['  ', {}],
    ['k=', { k: '' }],
  ])('reads the labels %j', (text, labels) => {
    expect(parseLabels(text)).toEqual({ ok: true, labels });
    expect(parseLabels(formatLabels(labels))).toEqual({ ok: true, labels });
  });

  it.each(['app', '=web', 'a=1,a=2'])('refuses the labels %j', (text) => {
    expect(parseLabels(text).ok).toBe(false);
  });

  it('rolls seeds with the ANSI C generator, in 32 bits', () => {
    expect(nextSeed(1)).toBe(1103527590);
    expect(nextSeed(0)).toBe(12345);
    expect(nextSeed(0xffffffff)).toBe((((-1103515245 + 12345) % 2 ** 32) + 2 ** 32) % 2 ** 32);
  });

  it('names the next pod after the taken ones', () => {
    expect(nextName('pod', ['pod1', 'pod2', 'pod4'])).toBe('pod3');
  });
});
