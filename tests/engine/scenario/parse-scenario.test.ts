import { describe, expect, it } from 'vitest';
import { isPacketStep, parseScenario, PRESETS, presetScenario, simulate } from '../../../src/index';

const article = PRESETS.article!;
const withCluster = (patch: object) => ({ ...article, cluster: { ...article.cluster, ...patch } });

describe('parseScenario', () => {
  it('accepts every preset and fills in defaults', () => {
    const parsed = parseScenario(article);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.scenario.cluster.pods[0]).toMatchObject({ namespace: 'default', ready: true });
  });

  it.each([
    ['not an object', 'hello', ''],
    ['a wrong schema version', { ...article, schemaVersion: 3 }, 'schemaVersion'],
    ['an unknown field', { ...article, extra: 1 }, ''],
    ['a pod on a node that does not exist', withCluster({ pods: [{ name: 'p', node: 'vm9' }] }), 'cluster.pods[0].node'],
    ['a pod IP outside its node CIDR', withCluster({ pods: [{ name: 'p', node: 'vm1', ip: '10.244.2.9' }] }), 'cluster.pods[0].ip'],
    ['a bad node IP', withCluster({ nodes: [{ name: 'vm1', ip: '192.168.0.256', podCIDR: '10.244.1.0/24' }] }), 'cluster.nodes[0].ip'],
    [
      'overlapping pod CIDRs',
      withCluster({
        nodes: [
          { name: 'a', ip: '192.168.0.1', podCIDR: '10.244.1.0/24' },
          { name: 'b', ip: '192.168.0.2', podCIDR: '10.244.1.0/25' },
        ],
        pods: [],
        services: [],
      }),
      'cluster.nodes[1].podCIDR',
    ],
    ['traffic from an unknown pod', { ...article, traffic: [{ from: 'nobody', to: 'svc1', port: 80 }] }, 'traffic[0].from'],
    ['traffic to a port the Service lacks', { ...article, traffic: [{ from: 'pod1', to: 'svc1', port: 81 }] }, 'traffic[0].port'],
    ['a pod name with HTML in it', withCluster({ pods: [{ name: '<img src=x onerror=alert(1)>', node: 'vm1' }] }), 'cluster.pods[0].name'],
  ])('rejects %s, naming where', (_what, input, path) => {
    const parsed = parseScenario(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors.length).toBeGreaterThan(0);
      expect(parsed.errors.map((e) => e.path)).toContain(path);
      for (const e of parsed.errors) expect(e.message.length).toBeGreaterThan(3);
    }
  });

  it('reads a scenario that asks for nftables mode, and simulates it in that mode', () => {
    const parsed = parseScenario({ ...article, mode: 'nftables' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const trace = simulate(parsed.scenario);
    expect(trace.mode).toBe('nftables');
    const dnat = trace.steps.filter(isPacketStep).find((s) => s.kind === 'dnat');
    expect(dnat?.nftRules.some((r) => r.decided && r.text.includes('dnat to'))).toBe(true);
    expect(parseScenario({ ...article, mode: 'nft' }).ok).toBe(false);
  });

  it('allocates pod IPs from the node CIDR in order and cluster IPs from the service CIDR', () => {
    const parsed = parseScenario({
      ...article,
      cluster: {
        ...article.cluster,
        services: [{ name: 'svc2', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }],
      },
      traffic: [{ from: 'pod1', to: 'svc2', port: 80 }],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const first = simulate(parsed.scenario).steps[0]!;
    expect(isPacketStep(first) && first.before.srcIp).toBe('10.244.1.2');
    expect(isPacketStep(first) && first.before.dstIp).toBe('10.96.0.10');
  });

  it('leaves unready pods in the EndpointSlice but out of the rules', () => {
    const trace = simulate(presetScenario('no-endpoints')!);
    expect(trace.connections[0]!.outcome).toBe('rejected');
  });
});

describe('duplicate addresses', () => {
  it.each([
    [
      'two pods with one IP',
      withCluster({
        pods: [
          { name: 'a', node: 'vm1', ip: '10.244.1.7' },
          { name: 'b', node: 'vm1', ip: '10.244.1.7' },
        ],
        services: [],
      }),
      'cluster.pods[1].ip',
      'already pod "a"',
    ],
    [
      'two nodes with one IP',
      withCluster({
        nodes: [
          { name: 'a', ip: '192.168.0.5', podCIDR: '10.244.1.0/24' },
          { name: 'b', ip: '192.168.0.5', podCIDR: '10.244.2.0/24' },
        ],
        pods: [],
        services: [],
      }),
      'cluster.nodes[1].ip',
      'already node "a"',
    ],
  ])('rejects %s', (_what, input, path, message) => {
    const parsed = parseScenario({ ...input, traffic: [] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toContainEqual({ path, message: expect.stringContaining(message) });
  });
});
