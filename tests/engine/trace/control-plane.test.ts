import { describe, expect, it } from 'vitest';
import {
  isPacketStep,
  narrate,
  parseScenario,
  PRESETS,
  presetScenario,
  simulate,
  topologyAt,
  type ScenarioInput,
  type Step,
  type Trace,
} from '../../../src/index';

const parse = (input: ScenarioInput) => {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
};
const syncOn = (trace: Trace, node: string, nth = 0): Step =>
  trace.steps.filter((s) => s.kind === 'kube-proxy-sync' && s.node === node)[nth]!;
const entriesOn = (step: Step, node: string) => step.conntrack.find((t) => t.node === node)!.entries.map((e) => e.text);
const natDiff = (step: Step) => step.rulesDiff!.tables.find((t) => t.table === 'nat')!;

describe('pod-churn: pod4 is deleted and created again', () => {
  const trace = simulate(presetScenario('pod-churn')!);
  const events = trace.steps.filter((s) => !isPacketStep(s));

  it('runs connection, connection, delete, syncs, create, syncs, connection, in time order', () => {
    const order = trace.steps.map((s) => (isPacketStep(s) ? `c${s.connection}` : s.kind)).filter((k, i, all) => k !== all[i - 1]);
    expect(order).toEqual(['c0', 'c1', 'api-event', 'kube-proxy-sync', 'api-event', 'kube-proxy-sync', 'c2']);
    expect(events.map((s) => [s.kind, s.at, s.time])).toEqual([
      ['api-event', 'apiserver', 2],
      ['kube-proxy-sync', 'vm1/kube-proxy', 2],
      ['kube-proxy-sync', 'vm2/kube-proxy', 2],
      ['api-event', 'apiserver', 3],
      ['kube-proxy-sync', 'vm1/kube-proxy', 3],
      ['kube-proxy-sync', 'vm2/kube-proxy', 3],
    ]);
  });

  it('reaches pod4 first at 10.244.2.3, then the new pod4 at the next address, 10.244.2.4', () => {
    expect(trace.connections.map((c) => [c.endpoint, c.endpointPod])).toEqual([
      ['10.244.2.3:8080', 'pod4'],
      ['10.244.2.3:5353', 'pod4'],
      ['10.244.2.4:8080', 'pod4'],
    ]);
    expect(trace.topology.pods.find((p) => p.name === 'pod4')).toMatchObject({ ip: '10.244.2.4', veth: 'veth1' });
    expect(narrate(events[3]!.note, 'en')).toContain('not 10.244.2.3');
  });

  it("shows the deletion as a rules diff on each node: pod4's KUBE-SEP chains go, pod3's rule loses its probability", () => {
    for (const node of ['vm1', 'vm2']) {
      const nat = natDiff(syncOn(trace, node));
      expect(nat.removed).toContain(':KUBE-SEP-XT7GCFF26GVQ7U4V - [0:0]');
      expect(nat.removed).toContain(
        '-A KUBE-SEP-XT7GCFF26GVQ7U4V -p tcp -m comment --comment "default/svc1:http" -m tcp -j DNAT --to-destination 10.244.2.3:8080',
      );
      expect(nat.removed).toContain(
        '-A KUBE-SVC-6FQZKDMVESNX7NUN -m comment --comment "default/svc1:http -> 10.244.2.2:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-SV5TACIGMSHM67H3',
      );
      expect(nat.added).toContain(
        '-A KUBE-SVC-6FQZKDMVESNX7NUN -m comment --comment "default/svc1:http -> 10.244.2.2:8080" -j KUBE-SEP-SV5TACIGMSHM67H3',
      );
      expect(nat.added.some((l) => l.startsWith(':KUBE-SEP-'))).toBe(false);
    }
    const created = natDiff(syncOn(trace, 'vm1', 1));
    expect(created.added.some((l) => l.includes('--to-destination 10.244.2.4:8080'))).toBe(true);
    expect(created.added).toContain(
      '-A KUBE-SVC-6FQZKDMVESNX7NUN -m comment --comment "default/svc1:http -> 10.244.2.2:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-SV5TACIGMSHM67H3',
    );
  });

  it('deletes the UDP entry to pod4 on the client node (CleanStaleEntries) and keeps the TCP one, stale', () => {
    const vm1 = syncOn(trace, 'vm1');
    expect(vm1.rulesDiff!.conntrackDeleted.map((e) => e.text)).toEqual([
      expect.stringMatching(/^udp .* dst=10\.96\.0\.10 .* dport=53 src=10\.244\.2\.3 .* sport=5353 /),
    ]);
    const after = entriesOn(vm1, 'vm1');
    expect(after.some((e) => e.startsWith('udp'))).toBe(false);
    expect(after.some((e) => /^tcp .* ESTABLISHED src=10\.244\.1\.2 dst=10\.96\.0\.10 .* src=10\.244\.2\.3 /.test(e))).toBe(true);
    expect(vm1.note.id).toBe('kube-proxy-sync.iptables.reweighted.udp-cleaned.stale-tcp');
    // Still listed at the end of the trace: nothing but its 24 h timer removes it.
    expect(entriesOn(trace.steps.at(-1)!, 'vm1').some((e) => e.includes('src=10.244.2.3 dst=10.244.1.2 sport=8080'))).toBe(true);
  });

  it("leaves the server node's UDP entry alone: its original destination is the pod, not a Service frontend", () => {
    const vm2 = syncOn(trace, 'vm2');
    expect(vm2.rulesDiff!.conntrackDeleted).toEqual([]);
    expect(entriesOn(vm2, 'vm2').some((e) => e.startsWith('udp') && e.includes('dst=10.244.2.3'))).toBe(true);
  });
});

describe("kube-proxy's UDP cleanup conditions", () => {
  const udpOnly = (events: ScenarioInput['events']) =>
    simulate(
      parse({
        ...PRESETS['pod-churn']!,
        seed: 10,
        traffic: [{ from: 'pod1', to: 'svc1', port: 53, protocol: 'UDP', at: 1 }],
        events,
      }),
    );

  it('skips a Service that has no serving endpoint left: the stale entry stays', () => {
    const trace = udpOnly([
      { at: 2, action: 'delete-pod', pod: 'pod3' },
      { at: 2, action: 'delete-pod', pod: 'pod4' },
    ]);
    const last = syncOn(trace, 'vm1', 1);
    expect(last.rulesDiff!.conntrackDeleted).toEqual([]);
    expect(entriesOn(last, 'vm1').some((e) => e.startsWith('udp') && e.includes('dport=53'))).toBe(true);
  });

  it('keeps the entry when its endpoint is still serving', () => {
    const trace = udpOnly([{ at: 2, action: 'delete-pod', pod: 'pod3' }]);
    expect(trace.connections[0]!.endpointPod).toBe('pod4');
    expect(syncOn(trace, 'vm1').rulesDiff!.conntrackDeleted).toEqual([]);
  });

  it('does not run when the endpoints did not change (an unselected pod goes)', () => {
    const trace = udpOnly([{ at: 2, action: 'delete-pod', pod: 'pod2' }]);
    const sync = syncOn(trace, 'vm1');
    expect(sync.rulesDiff).toEqual({ tables: [], ipvs: null, nft: null, conntrackDeleted: [] });
    expect(sync.note.id).toBe('kube-proxy-sync.unchanged');
  });
});

describe('service-recreated: the open question of the article', () => {
  const trace = simulate(presetScenario('service-recreated')!);

  it('gives svc1 a new cluster IP and svc2, which fixes it, the same one', () => {
    const dst = (c: number) => trace.steps.filter(isPacketStep).find((s) => s.connection === c)!.before.dstIp;
    expect(dst(0)).toBe('10.96.0.10');
    expect(dst(1)).toBe('10.96.0.11');
    expect(dst(2)).toBe('10.96.0.20');
    const created = trace.steps.filter((s) => s.kind === 'api-event').slice(2);
    expect(created.map((s) => s.note.id)).toEqual(['event.create-service.recreated', 'event.create-service.fixed']);
    expect(narrate(created[0]!.note, 'en')).toContain('a re-created Service does not keep its virtual IP');
    expect(narrate(created[0]!.note, 'zh')).toContain('虚拟 IP 地址是否会变动');
    expect(trace.topology.services.map((s) => s.clusterIP)).toEqual(['10.96.0.11', '10.96.0.20']);
  });

  it("removes the Service's chains when it is deleted and writes new ones for the new address", () => {
    const deleted = natDiff(syncOn(trace, 'vm1'));
    expect(deleted.removed.some((l) => l.includes('-d 10.96.0.10/32'))).toBe(true);
    const created = natDiff(syncOn(trace, 'vm1', 2));
    expect(created.added.some((l) => l.includes('-d 10.96.0.11/32'))).toBe(true);
  });
});

describe('not-ready: pod4 fails its readiness probe, then passes it', () => {
  const trace = simulate(presetScenario('not-ready')!);

  it('re-weights svc1 to a single endpoint, then back to two', () => {
    const out = natDiff(syncOn(trace, 'vm1'));
    expect(out.added).toEqual([
      '-A KUBE-SVC-6FQZKDMVESNX7NUN -m comment --comment "default/svc1:http -> 10.244.2.2:8080" -j KUBE-SEP-SV5TACIGMSHM67H3',
    ]);
    expect(out.removed).toContain(':KUBE-SEP-XT7GCFF26GVQ7U4V - [0:0]');
    const back = natDiff(syncOn(trace, 'vm1', 1));
    expect(back.added.some((l) => l.includes('--probability 0.50000000000'))).toBe(true);
    expect(trace.connections.map((c) => c.endpointPod)).toEqual(['pod4', 'pod3', 'pod4']);
  });

  it('says the pod keeps its address while it leaves the endpoints', () => {
    const event = trace.steps.find((s) => s.kind === 'api-event')!;
    expect(narrate(event.note, 'en')).toContain('svc1: 10.244.2.3 (pod4 ready=false serving=false)');
  });
});

describe('terminating endpoints (kube-proxy uses them only when no endpoint is ready)', () => {
  const run = (events: ScenarioInput['events']) =>
    simulate(parse({ ...PRESETS['not-ready']!, traffic: [{ from: 'pod1', to: 'svc1', port: 80, at: 5 }], events }));

  it('leaves a terminating pod out while another endpoint is ready', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const trace = simulate(
        parse({
          ...PRESETS['not-ready']!,
          seed,
          traffic: [{ from: 'pod1', to: 'svc1', port: 80, at: 5 }],
          events: [{ at: 1, action: 'terminate-pod', pod: 'pod4' }],
        }),
      );
      expect(trace.connections[0]!.endpointPod).toBe('pod3');
    }
  });

  it('falls back to the serving terminating pod when it is the only one left', () => {
    const trace = run([
      { at: 1, action: 'terminate-pod', pod: 'pod4' },
      { at: 2, action: 'delete-pod', pod: 'pod3' },
    ]);
    expect(trace.connections[0]!.endpointPod).toBe('pod4');
    expect(narrate(trace.steps.find((s) => s.kind === 'api-event')!.note, 'en')).toContain(
      'pod4 ready=false serving=true terminating=true',
    );
  });

  it('rejects once the terminating pod stops serving too', () => {
    const trace = run([
      { at: 1, action: 'terminate-pod', pod: 'pod4' },
      { at: 2, action: 'delete-pod', pod: 'pod3' },
      { at: 3, action: 'set-not-ready', pod: 'pod4' },
    ]);
    expect(trace.connections[0]!.outcome).toBe('rejected');
  });
});

describe('IPVS mode: graceful termination of a deleted pod', () => {
  const trace = simulate(presetScenario('pod-churn')!, { mode: 'ipvs' });

  it('keeps the TCP real server with a live connection at weight 0 and deletes the UDP one at once', () => {
    const sync = syncOn(trace, 'vm1');
    const pod4 = trace.connections[0]!.endpoint!;
    expect(sync.rulesDiff!.ipvs!.before.some((l) => l.includes(pod4) && /Masq\s+1\s/.test(l))).toBe(true);
    expect(sync.rulesDiff!.ipvs!.after.some((l) => l.includes(pod4) && /Masq\s+0\s+1\s/.test(l))).toBe(true);
    const udpBackend = trace.connections[1]!.endpoint!;
    expect(sync.rulesDiff!.ipvs!.after.some((l) => l.includes(udpBackend))).toBe(false);
    expect(sync.note.id).toContain('.draining');
    expect(sync.ipvs!.table).toEqual(sync.rulesDiff!.ipvs!.after);
  });
});

describe('validation of the timeline', () => {
  it.each([
    [[{ at: 1, action: 'delete-pod' as const, pod: 'pod9' }], [], 'events[0].pod', /no pod "pod9"/],
    [[{ at: 1, action: 'create-pod' as const, pod: { name: 'pod4', node: 'vm2' } }], [], 'events[0].pod.name', /already exists/],
    [[{ at: 1, action: 'create-pod' as const, pod: { name: 'pod5', node: 'vm9' } }], [], 'events[0].pod.node', /no node/],
    [
      [{ at: 1, action: 'create-pod' as const, pod: { name: 'pod5', node: 'vm2', ip: '10.244.2.2' } }],
      [],
      'events[0].pod.ip',
      /already another pod/,
    ],
    [
      [{ at: 1, action: 'delete-service' as const, service: 'svc1' }],
      [{ from: 'pod1', to: 'svc1', port: 80, at: 2 }],
      'traffic[0].to',
      /no Service named "svc1" at 2 s/,
    ],
    [
      [{ at: 1, action: 'delete-pod' as const, pod: 'pod1' }],
      [{ from: 'pod1', to: 'svc1', port: 80, at: 1 }],
      'traffic[0].from',
      /no pod or node named "pod1" at 1 s/,
    ],
    [
      [
        {
          at: 1,
          action: 'create-service' as const,
          service: { name: 'svc2', selector: {}, clusterIP: '10.96.0.10', ports: [{ port: 80 }] },
        },
      ],
      [],
      'events[0].service.clusterIP',
      /already another Service/,
    ],
  ])('reports %#', (events, traffic, path, message) => {
    const parsed = parseScenario({ ...PRESETS.article!, traffic, events });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('keeps a scenario without events valid, with no control-plane steps', () => {
    const parsed = parseScenario(PRESETS.article!);
    expect(parsed.ok && parsed.scenario.events).toEqual([]);
    expect(simulate(presetScenario('article')!).steps.every((s) => isPacketStep(s) && s.rulesDiff === null)).toBe(true);
  });

  it('rejects an unknown action with its path', () => {
    const parsed = parseScenario({ ...PRESETS.article!, events: [{ at: 1, action: 'reboot-node', pod: 'pod1' }] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]!.path).toMatch(/^events\[0\]/);
  });
});

describe('the topology at each step', () => {
  it('pod-churn: pod4 has its old IP before its deletion, none while deleted, and its new IP once re-created', () => {
    const trace = simulate(presetScenario('pod-churn')!);
    const ipAt = (step: number) => topologyAt(trace, step).pods.find((p) => p.name === 'pod4')?.ip;
    const deleted = trace.steps.findIndex((s) => s.kind === 'api-event');
    expect(ipAt(0)).toBe('10.244.2.3');
    expect(ipAt(deleted)).toBeUndefined();
    expect(ipAt(trace.steps.length - 1)).toBe('10.244.2.4');
    expect(trace.epochs[0]!.fromStep).toBe(0);
    expect(trace.epochs.slice(1).every((e) => trace.steps[e.fromStep]!.kind === 'api-event')).toBe(true);
  });
});
