import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isPacketStep,
  parseScenario,
  PRESETS,
  presetScenario,
  simulate,
  type ClusterEvent,
  type ScenarioInput,
  type SimulateOptions,
  type Trace,
} from '../../../src/index';
import { propertyParams } from '../../fast-check-params';

const run = (input: ScenarioInput, options: SimulateOptions = {}) => {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return simulate(parsed.scenario, options);
};
const packetSteps = (t: Trace) => t.steps.filter(isPacketStep);

describe('a connection', () => {
  it('is its packets in order, SYN, SYN-ACK and ACK, numbered on from the steps before it', () => {
    const trace = run({
      ...PRESETS.article!,
      traffic: [
        { from: 'pod1', to: 'svc1', port: 80 },
        { from: 'pod2', to: 'svc1', port: 80 },
      ],
    });
    for (const c of trace.connections) {
      const own = packetSteps(trace).filter((s) => s.connection === c.index);
      expect(own.map((s) => s.index)).toEqual(Array.from({ length: c.lastStep - c.firstStep + 1 }, (_, i) => c.firstStep + i));
      expect([...new Set(own.map((s) => s.label))]).toEqual(['SYN', 'SYN-ACK', 'ACK']);
      expect(own.map((s) => s.packet)).toEqual([...own.map((s) => s.packet)].sort());
    }
    expect(trace.connections[1]!.firstStep).toBe(trace.connections[0]!.lastStep + 1);
  });

  it('ends with the first packet that is not delivered: a rejected SYN has no SYN-ACK, only the ICMP error it brings back', () => {
    const trace = simulate(presetScenario('no-endpoints')!);
    expect(trace.connections[0]).toMatchObject({
      outcome: 'rejected',
      endpoint: null,
      endpointPod: null,
      lastStep: trace.steps.length - 1,
    });
    expect([...new Set(packetSteps(trace).map((s) => s.label))]).toEqual(['SYN', 'ICMP']);
    expect(
      packetSteps(trace)
        .filter((s) => s.label === 'ICMP')
        .every((s) => s.packet === 1 && s.direction === 'reply'),
    ).toBe(true);
  });

  it('sends each new connection from a fresh port: a port still in use is never drawn again', () => {
    // Seed 3002237567 makes connection 3 draw connection 2's port, 53662; it once was taken for connection 2's ACK, sent to no endpoint.
    const events: ClusterEvent[] = [
      { at: 1, action: 'set-ready', pod: 'pod3' },
      { at: 2, action: 'set-ready', pod: 'pod3' },
      { at: 3, action: 'delete-pod', pod: 'pod3' },
    ];
    const traffic = [0, 1, 2, 3].map((at) => ({ from: 'pod1', to: 'svc1', port: 80, at }));
    const trace = run({ ...PRESETS.article!, seed: 3002237567, traffic, events });
    const syn = (c: number) => packetSteps(trace).filter((s) => s.connection === c && s.label === 'SYN');
    expect(syn(2)[0]!.before.srcPort).toBe(53662);
    expect(syn(3)[0]!.before.srcPort).toBe(53663);
    expect(syn(3).find((s) => s.node === 'vm1' && s.hook === 'PREROUTING')?.kind).toBe('dnat');
    expect(trace.connections[3]).toMatchObject({ outcome: 'established', endpointPod: 'pod4' });
  });
});

/** The 5-tuples of a `conntrack -L` line: original and reply, "tcp 10.244.1.2:40000 10.96.0.10:80". */
function tuplesOf(line: string): string[] {
  const protocol = line.split(' ')[0];
  return [...line.matchAll(/src=(\S+) dst=(\S+) sport=(\d+) dport=(\d+)/g)].map((m) => `${protocol} ${m[1]}:${m[3]} ${m[2]}:${m[4]}`);
}

const clients = ['pod1', 'pod2', 'pod3', 'vm1'] as const;
const scenario = fc.record({
  traffic: fc.array(fc.record({ from: fc.constantFrom(...clients), gap: fc.nat({ max: 2 }) }), { minLength: 1, maxLength: 12 }),
  pod4: fc.array(fc.record({ at: fc.nat({ max: 20 }), ready: fc.boolean() }), { maxLength: 3 }),
  seed: fc.nat({ max: 0xffffffff }),
  mode: fc.constantFrom('iptables' as const, 'ipvs' as const),
  // A narrow net.ipv4.ip_local_port_range, so that draws land on ports in use.
  ports: fc.integer({ min: 13, max: 16 }),
});

describe('for any traffic, events and seed (property test)', () => {
  it("no two live connections share a tuple, and no connection's first packet is taken for an earlier connection's", () => {
    fc.assert(
      fc.property(scenario, ({ traffic, pod4, seed, mode, ports }) => {
        let at = 0;
        const input: ScenarioInput = {
          ...PRESETS.article!,
          seed,
          mode,
          traffic: traffic.map((c) => ({ from: c.from, to: 'svc1', port: 80, at: (at += c.gap) })),
          events: pod4.map((e) => ({ at: e.at, action: e.ready ? 'set-ready' : 'set-not-ready', pod: 'pod4' }) as const),
        };
        const trace = run(input, { localPortRange: [40000, 40000 + ports - 1] });
        for (const c of trace.connections) {
          const own = packetSteps(trace).filter((s) => s.connection === c.index);
          const first = own[0]!;
          const p = first.before;
          const tuple = `tcp ${p.srcIp}:${p.srcPort} ${p.dstIp}:${p.dstPort}`;
          expect(p.srcPort).toBeGreaterThanOrEqual(40000);
          expect(p.srcPort).toBeLessThan(40000 + ports);
          // The client node's table as the connection starts: no live entry holds its tuple either way.
          const live = first.conntrack.find((t) => t.node === first.node)!.entries.flatMap((e) => tuplesOf(e.text));
          expect(live).not.toContain(tuple);
          const onClient = own.filter((s) => s.packet === 0 && s.node === first.node);
          expect(
            onClient.filter(
              (s) =>
                s.kind === 'conntrack-hit' ||
                (s.conntrackChange && s.conntrackChange.change !== 'new') ||
                s.ipvsChange?.change === 'existing',
            ),
          ).toEqual([]);
        }
      }),
      propertyParams(40),
    );
  });
});
