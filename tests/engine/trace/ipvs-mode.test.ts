import { describe, expect, it } from 'vitest';
import { isPacketStep, narrate, parseScenario, PRESET_NAMES, PRESETS, presetScenario, simulate, type Trace } from '../../../src/index';
import { articleWithServices } from './article-with-services';

const packetSteps = (t: Trace) => t.steps.filter(isPacketStep);

const article = presetScenario('article')!;
const trace = simulate(article, { mode: 'ipvs' });
const hops = (label: string) =>
  packetSteps(trace)
    .filter((s) => s.label === label)
    .map((s) => `${s.kind} ${s.at}>${s.to}`);

describe('the article preset in IPVS mode', () => {
  it('delivers the ClusterIP locally through kube-ipvs0; IPVS rewrites it at INPUT, then OUTPUT and POSTROUTING', () => {
    expect(hops('SYN').slice(2, 10)).toEqual([
      'bridge-miss vm1/cbr0>vm1/PREROUTING',
      'hook vm1/PREROUTING>vm1/PREROUTING',
      'route vm1/PREROUTING>vm1/kube-ipvs0',
      'hook vm1/kube-ipvs0>vm1/INPUT',
      'dnat vm1/INPUT>vm1/OUTPUT',
      'hook vm1/OUTPUT>vm1/POSTROUTING',
      'conntrack-new vm1/POSTROUTING>vm1/eth0',
      'wire vm1/eth0>vm2/eth0',
    ]);
    expect(trace.mode).toBe('ipvs');
    expect(trace.scheduler).toBe('rr');
    expect(trace.topology.nodes.map((n) => n.ipvsAddresses)).toEqual([['10.96.0.10'], ['10.96.0.10']]);
  });

  it('evaluates no DNAT rule: nat KUBE-SERVICES only accepts the ClusterIP through the KUBE-CLUSTER-IP ipset', () => {
    const pre = packetSteps(trace).find((s) => s.label === 'SYN' && s.hook === 'PREROUTING' && s.node === 'vm1')!;
    expect(pre.rules.find((r) => r.decided)?.text).toBe('-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT');
    expect(
      packetSteps(trace)
        .flatMap((s) => s.rules)
        .some((r) => r.verdict === 'dnat'),
    ).toBe(false);
  });

  it('has IPVS schedule the real server with rr, and shows it in ipvsadm -Ln', () => {
    const ipvs = packetSteps(trace).find((s) => s.kind === 'dnat')!;
    expect(ipvs.hook).toBe('INPUT');
    expect(ipvs.ipvsChange).toEqual({
      node: 'vm1',
      virtualServer: 'TCP  10.96.0.10:80',
      realServer: `${ipvs.after.dstIp}:${ipvs.after.dstPort}`,
      scheduler: 'rr',
      change: 'scheduled',
    });
    expect(ipvs.ipvs!.table.slice(0, 4)).toEqual([
      'IP Virtual Server version 1.2.1 (size=4096)',
      'Prot LocalAddress:Port Scheduler Flags',
      '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
      'TCP  10.96.0.10:80 rr',
    ]);
    expect(ipvs.ipvs!.table).toContain(`  -> ${ipvs.ipvsChange!.realServer.padEnd(28)} Masq    1      1          0         `);
    expect(narrate(ipvs.note, 'en')).toContain('the rr scheduler picks the real server');
  });

  it('reverses the reply at FORWARD with IPVS, not conntrack, and the client sees the ClusterIP', () => {
    const undo = packetSteps(trace).find((s) => s.label === 'SYN-ACK' && s.kind === 'reverse-nat')!;
    expect(undo).toMatchObject({ node: 'vm1', hook: 'FORWARD', rules: [] });
    expect(undo.ipvsChange?.change).toBe('reply');
    expect(`${undo.after.srcIp}:${undo.after.srcPort}`).toBe('10.96.0.10:80');
    expect(
      packetSteps(trace)
        .filter((s) => s.label === 'SYN-ACK')
        .at(-1)!.after.srcIp,
    ).toBe('10.96.0.10');
  });

  it('leaves the same conntrack -L lines as iptables mode (IPVS keeps conntrack informed)', () => {
    const ipt = simulate(article, { mode: 'iptables' });
    const lines = (t: typeof trace) =>
      packetSteps(t)
        .at(-1)!
        .conntrack.map((c) => c.entries.map((e) => e.text));
    expect(lines(trace)).toEqual(lines(ipt));
  });

  it('steers the ACK through the existing IPVS connection', () => {
    const ack = packetSteps(trace).find((s) => s.label === 'ACK' && s.ipvsChange)!;
    expect(ack.ipvsChange!.change).toBe('existing');
    expect(trace.connections[0]!.outcome).toBe('established');
  });

  // `large` too: the one engine test that simulates it in IPVS mode (5-10 s: 100 nodes each sync 1,000 virtual services).
  it.each(PRESET_NAMES)('%s works in IPVS mode, with narration in both languages', { timeout: 60_000 }, (name) => {
    const t = simulate(presetScenario(name)!, { mode: 'ipvs' });
    for (const c of t.connections) {
      expect(['established', 'answered', 'rejected', 'dropped']).toContain(c.outcome);
      if (c.outcome !== 'dropped') continue;
      // A drop is a DROP rule's verdict (a load balancer's source ranges) or the client discarding a reply
      // from an address it never connected to (Local policy on a node without a local endpoint), never a walk that stopped.
      const own = t.steps.slice(c.firstStep, c.lastStep + 1).filter(isPacketStep);
      const last = own.at(-1)!;
      expect(last.kind).toBe('drop');
      const byRule = own.some((s) => s.kind === 'drop' && s.rules.some((r) => r.decided && r.verdict === 'drop'));
      expect(byRule || last.note.id === 'drop.stray-reply').toBe(true);
    }
    for (const step of t.steps)
      for (const lang of ['en', 'zh'] as const) expect(narrate(step.note, lang)).not.toMatch(/^[a-z.-]+$|\{\w+\}/);
  });

  it('no-endpoints: IPVS has no real server and answers ICMP port unreachable', () => {
    const t = simulate(presetScenario('no-endpoints')!, { mode: 'ipvs' });
    const reject = packetSteps(t).find((s) => s.kind === 'reject');
    expect(reject).toMatchObject({ hook: 'INPUT', label: 'SYN', note: { id: 'ipvs.no-real-server' } });
    expect(packetSteps(t).at(-1)).toMatchObject({ kind: 'socket-error', to: 'pod1/eth0' });
  });

  it('session-affinity: the second connection is sent by the persistence template', () => {
    const t = simulate(presetScenario('session-affinity')!, { mode: 'ipvs' });
    const changes = packetSteps(t)
      .filter((s) => s.kind === 'dnat' && s.label === 'SYN')
      .map((s) => s.ipvsChange!.change);
    expect(changes).toEqual(['scheduled', 'persistent']);
    expect(t.connections[1]!.endpointPod).toBe(t.connections[0]!.endpointPod);
  });

  it('rr cycles: two connections from pod1 go to the two endpoints in turn', () => {
    const input = {
      ...PRESETS.article!,
      traffic: [
        { from: 'pod1', to: 'svc1', port: 80 },
        { from: 'pod1', to: 'svc1', port: 80 },
      ],
    };
    const parsed = parseScenario(input);
    if (!parsed.ok) throw new Error('invalid');
    const t = simulate(parsed.scenario, { mode: 'ipvs' });
    expect(new Set(t.connections.map((c) => c.endpointPod))).toEqual(new Set(['pod3', 'pod4']));
  });
});

describe('what each mode costs', () => {
  const withServices = articleWithServices;
  const cost = (n: number, mode: 'iptables' | 'ipvs') => simulate(withServices(n), { mode }).connections[0]!.cost;

  it('iptables walks KUBE-SERVICES rule by rule: its count grows with the Services; IPVS does one hash lookup whatever their number', () => {
    const ipt = [10, 100, 1000].map((n) => cost(n, 'iptables').rulesEvaluated);
    const ipvs = [10, 100, 1000].map((n) => cost(n, 'ipvs'));
    expect(ipt[1]! - ipt[0]!).toBeGreaterThanOrEqual(90);
    expect(ipt[2]! - ipt[1]!).toBeGreaterThanOrEqual(900);
    expect(new Set(ipvs.map((c) => c.rulesEvaluated)).size).toBe(1);
    expect(new Set(ipvs.map((c) => c.ipvsLookups)).size).toBe(1);
    expect(ipvs[0]!.ipvsLookups).toBeGreaterThan(0);
    expect(cost(10, 'iptables').ipvsLookups).toBe(0);
  }, 60_000);
});

describe('schedulers in the walk', () => {
  const twoConnections = (() => {
    const parsed = parseScenario({
      ...PRESETS.article!,
      traffic: [
        { from: 'pod1', to: 'svc1', port: 80 },
        { from: 'pod1', to: 'svc1', port: 80 },
        { from: 'pod1', to: 'svc1', port: 80 },
      ],
    });
    if (!parsed.ok) throw new Error('invalid');
    return parsed.scenario;
  })();

  it('sh (source hashing) keeps one client on one real server', () => {
    const t = simulate(twoConnections, { mode: 'ipvs', scheduler: 'sh' });
    expect(t.scheduler).toBe('sh');
    expect(new Set(t.connections.map((c) => c.endpointPod)).size).toBe(1);
  });

  it('rr alternates, and lc sends a new connection to the real server with fewer', () => {
    for (const scheduler of ['rr', 'lc'] as const) {
      const pods = simulate(twoConnections, { mode: 'ipvs', scheduler }).connections.map((c) => c.endpointPod);
      expect(pods[0]).not.toBe(pods[1]);
    }
  });
});
