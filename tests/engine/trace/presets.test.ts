import { describe, expect, it } from 'vitest';
import { isPacketStep, PRESET_NAMES, presetScenario, simulate, type Trace } from '../../../src/index';

const packetSteps = (t: Trace) => t.steps.filter(isPacketStep);

const run = (name: string, seed?: number) => simulate(presetScenario(name)!, seed === undefined ? {} : { seed });

describe('presets', () => {
  it.each(PRESET_NAMES)('%s validates and simulates with every packet ending somewhere', (name) => {
    const trace = run(name);
    expect(trace.steps.length).toBeGreaterThan(0);
    for (const c of trace.connections) {
      expect(['established', 'answered', 'rejected', 'dropped']).toContain(c.outcome);
      if (c.outcome !== 'dropped') continue;
      // A drop is a rule's verdict (externalTrafficPolicy Local, a source range), never a walk that stopped.
      const own = trace.steps.slice(c.firstStep, c.lastStep + 1).filter(isPacketStep);
      expect(own.at(-1)!.kind).toBe('drop');
      expect(own.some((s) => s.kind === 'drop' && s.rules.some((r) => r.decided && r.verdict === 'drop'))).toBe(true);
    }
  });

  it('same-node: pod1 reaches pod2 without leaving vm1, and the reply is bridged with br_netfilter', () => {
    const trace = run('same-node');
    expect(trace.connections[0]).toMatchObject({ endpointPod: 'pod2', outcome: 'established' });
    expect(packetSteps(trace).some((s) => s.kind === 'wire')).toBe(false);
    const reply = packetSteps(trace).filter((s) => s.label === 'SYN-ACK');
    expect(reply.find((s) => s.kind === 'bridge')?.note.id).toBe('bridge.br-netfilter');
    expect(reply.some((s) => s.kind === 'route')).toBe(false);
    expect(reply.at(-1)!.after.srcIp).toBe('10.96.0.10');
  });

  it('cross-node: the only endpoint is pod4 on vm2', () => {
    expect(run('cross-node').connections[0]).toMatchObject({ endpointPod: 'pod4', outcome: 'established' });
  });

  it('no-endpoints: filter KUBE-SERVICES REJECTs in FORWARD and no conntrack entry remains', () => {
    const trace = run('no-endpoints');
    const last = packetSteps(trace).at(-1)!;
    const reject = packetSteps(trace).find((s) => s.kind === 'reject')!;
    expect(trace.connections[0]!.outcome).toBe('rejected');
    expect(reject.hook).toBe('FORWARD');
    expect(reject.label).toBe('SYN');
    expect(reject.rules.find((r) => r.decided)?.text).toBe(
      '-A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment "default/svc1:http has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
    );
    expect(last.conntrack.every((c) => c.entries.length === 0)).toBe(true);
    expect(packetSteps(trace).some((s) => s.kind === 'dnat')).toBe(false);
  });

  it('hairpin: pod4 picks itself, is masqueraded to the bridge address and bridged back out the port it came in on', () => {
    const trace = run('hairpin');
    expect(trace.connections[0]).toMatchObject({ client: 'pod4', endpointPod: 'pod4', outcome: 'established' });
    const syn = packetSteps(trace).filter((s) => s.label === 'SYN');
    const snat = syn.find((s) => s.kind === 'snat')!;
    expect(snat.after.srcIp).toBe('10.244.2.1');
    expect(snat.rules.find((r) => r.decided)?.text).toBe(
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
    );
    expect(syn.find((s) => s.kind === 'bridge')?.note.id).toBe('bridge.hairpin');
    expect(
      syn
        .find((s) => s.kind === 'dnat')!
        .rules.some((r) => r.chain.startsWith('KUBE-SEP') && r.verdict === 'jump' && r.text.includes('KUBE-MARK-MASQ')),
    ).toBe(true);
    const entry = packetSteps(trace)
      .at(-1)!
      .conntrack.find((c) => c.node === 'vm2')!.entries[0]!.text;
    expect(entry).toMatch(
      /^tcp {6}6 86400 ESTABLISHED src=10\.244\.2\.3 dst=10\.96\.0\.10 sport=\d+ dport=80 src=10\.244\.2\.3 dst=10\.244\.2\.1 sport=8080 dport=\d+ \[ASSURED\] mark=0 use=1$/,
    );
    // The reply is un-masqueraded in PREROUTING and un-DNATed in POSTROUTING.
    const reply = packetSteps(trace)
      .filter((s) => s.label === 'SYN-ACK' && s.kind === 'reverse-nat')
      .map((s) => s.hook);
    expect(reply).toEqual(['PREROUTING', 'POSTROUTING']);
  });

  it('hairpin: without SNAT when it picks the other pod', () => {
    const seeds = Array.from({ length: 20 }, (_, i) => i);
    const other = seeds.map((s) => run('hairpin', s)).find((t) => t.connections[0]!.endpointPod === 'pod3')!;
    expect(other).toBeDefined();
    expect(packetSteps(other).some((s) => s.kind === 'snat')).toBe(false);
  });

  it('session-affinity: the second connection takes the recent --rcheck rule to the same pod', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const trace = run('session-affinity', seed);
      const [first, second] = trace.connections;
      expect(second!.endpointPod).toBe(first!.endpointPod);
      const dnat = packetSteps(trace).filter((s) => s.connection === 1 && s.kind === 'dnat')[0]!;
      const rcheck = dnat.rules.find((r) => r.text.includes('--rcheck') && r.verdict === 'jump')!;
      expect(rcheck.text).toContain('-m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-');
      expect(dnat.rules.some((r) => r.text.includes('-m statistic'))).toBe(false);
    }
  });

  it('three-replicas: probabilities 1/3, 1/2, then a last rule without one, and every pod is reachable', () => {
    const dnat = packetSteps(run('three-replicas')).find((s) => s.kind === 'dnat')!;
    const svc = dnat.rules.filter((r) => r.chain.startsWith('KUBE-SVC-') && r.text.includes(' -> '));
    expect(svc.map((r) => r.text.match(/--probability (\S+)/)?.[1] ?? 'none').slice(0, 3)).toEqual(
      ['0.33333333349', '0.50000000000', 'none'].slice(0, svc.length),
    );
    const pods = new Set(Array.from({ length: 40 }, (_, seed) => run('three-replicas', seed).connections[0]!.endpointPod));
    expect(pods).toEqual(new Set(['pod2', 'pod3', 'pod4']));
  });
});

describe('node-to-service (a process on vm1 itself calls svc1)', () => {
  const trace = run('node-to-service');

  it('DNATs in nat OUTPUT, masquerades because the node IP is outside the cluster CIDR, and un-DNATs the reply at INPUT', () => {
    const syn = packetSteps(trace).filter((s) => s.label === 'SYN');
    expect(syn[0]).toMatchObject({ kind: 'dnat', hook: 'OUTPUT', at: 'vm1/host' });
    expect(
      syn[0]!.rules.some(
        (r) => r.table === 'nat' && r.chain.startsWith('KUBE-SVC-') && r.text.includes('! -s 10.244.0.0/16') && r.verdict === 'jump',
      ),
    ).toBe(true);
    expect(syn.find((s) => s.kind === 'snat')?.after.srcIp).toBe('192.168.0.11');
    const reply = packetSteps(trace).filter((s) => s.label === 'SYN-ACK');
    expect(reply.at(-1)).toMatchObject({ kind: 'reverse-nat', hook: 'INPUT', to: 'vm1/host' });
    expect(reply.at(-1)!.after.srcIp).toBe('10.96.0.10');
    expect(trace.connections[0]!.outcome).toBe('established');
    expect(packetSteps(trace).every((s) => s.stage === null)).toBe(true);
  });
});
