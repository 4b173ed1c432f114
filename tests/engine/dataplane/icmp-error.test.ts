import { describe, expect, it } from 'vitest';
import {
  isPacketStep,
  narrate,
  parseScenario,
  PRESETS,
  presetScenario,
  simulate,
  type PacketStep,
  type ProxyMode,
  type Trace,
} from '../../../src/index';
import { icmpSource } from '../../../src/dataplane/icmp-error';
import { detailOf } from '../english-detail';
import { lookupRoute } from '../../../src/dataplane/routes';
import { ipv4 } from '../../../src/net/ipv4';
import { nodeNamed, tcp, worldOf } from './fixtures';

const packetSteps = (t: Trace) => t.steps.filter(isPacketStep);
/** The steps after the refusal: the ICMP error's way back and the socket's failure. */
const answer = (t: Trace) => packetSteps(t).filter((s) => s.label === 'ICMP');
const icmp = (s: PacketStep) => (s.after.protocol === 'icmp' ? s.after.icmp : null);

describe('a refused connection: the ICMP error travels back, and connect() fails', () => {
  it('no-endpoints (iptables): cbr0 10.244.1.1 -> pod1 10.244.1.2, port unreachable, quoting the forwarded SYN, through OUTPUT, POSTROUTING, cbr0 and veth0', () => {
    const trace = simulate(presetScenario('no-endpoints')!);
    const reject = packetSteps(trace).find((s) => s.kind === 'reject')!;
    const steps = answer(trace);
    expect(steps.map((s) => [s.kind, s.at, s.to])).toEqual([
      ['icmp-error', 'vm1/OUTPUT', 'vm1/OUTPUT'],
      ['route', 'vm1/OUTPUT', 'vm1/POSTROUTING'],
      ['hook', 'vm1/POSTROUTING', 'vm1/cbr0'],
      ['bridge', 'vm1/cbr0', 'vm1/veth0'],
      // The last hop, and the pod's kernel failing the socket with the error it brought.
      ['socket-error', 'vm1/veth0', 'pod1/eth0'],
    ]);
    expect(steps[0]!.index).toBe(reject.index + 1);
    for (const s of steps) {
      expect([s.after.srcIp, s.after.dstIp, s.after.protocol]).toEqual(['10.244.1.1', '10.244.1.2', 'icmp']);
      expect(icmp(s)).toMatchObject({ type: 3, code: 3 });
      expect(s.stage).toBeNull();
    }
    // The kernel quotes the SYN as it was forwarded: TTL already 63 (observed with tcpdump).
    expect(icmp(steps[0]!)!.quoted).toEqual(pick(reject));
    expect(icmp(steps[0]!)!.quoted.ttl).toBe(63);
    expect(steps.at(-1)).toBe(trace.steps.at(-1));
    expect(narrate(steps.at(-1)!.note, 'en')).toContain('ECONNREFUSED');
    expect(trace.connections[0]).toMatchObject({ outcome: 'rejected', lastStep: trace.steps.length - 1 });
  });

  it('makes no conntrack entry on any node: the refused SYN was never confirmed and the error is RELATED', () => {
    const trace = simulate(presetScenario('no-endpoints')!);
    for (const s of trace.steps) expect(s.conntrack.every((n) => n.entries.length === 0)).toBe(true);
    const output = answer(trace)[0]!;
    expect(output.rules.some((r) => detailOf(r)!.includes('ctstate is RELATED'))).toBe(true);
  });

  it('no-endpoints (ipvs): IPVS answers from the ClusterIP itself, which is local on kube-ipvs0, quoting the SYN as it arrived', () => {
    const trace = simulate(presetScenario('no-endpoints')!, { mode: 'ipvs' as ProxyMode });
    const steps = answer(trace);
    expect(steps[0]!.after).toMatchObject({ srcIp: '10.96.0.10', dstIp: '10.244.1.2' });
    expect(icmp(steps[0]!)!.quoted).toMatchObject({ srcIp: '10.244.1.2', dstIp: '10.96.0.10', dstPort: 80, ttl: 64, flags: ['SYN'] });
    expect(steps.map((s) => s.kind)).toEqual(['icmp-error', 'route', 'hook', 'bridge', 'socket-error']);
    expect(steps[0]!.note).toMatchObject({ id: 'icmp-error.local-dst', params: { by: 'IPVS' } });
  });

  it("a node's own connection refused at filter OUTPUT: the error goes from the node to itself and is delivered locally", () => {
    const parsed = parseScenario({ ...PRESETS['no-endpoints']!, traffic: [{ from: 'vm1', to: 'svc1', port: 80 }] });
    if (!parsed.ok) throw new Error('invalid scenario');
    const trace = simulate(parsed.scenario);
    const reject = packetSteps(trace).find((s) => s.kind === 'reject')!;
    expect(reject.hook).toBe('OUTPUT');
    const steps = answer(trace);
    expect(steps.map((s) => [s.kind, s.hook, s.to])).toEqual([
      ['icmp-error', 'OUTPUT', 'vm1/OUTPUT'],
      ['socket-error', 'INPUT', 'vm1/host'],
    ]);
    expect(steps[1]!.note.id).toBe('socket-error.tcp.local');
    expect(steps[0]!.after).toMatchObject({ srcIp: '192.168.0.11', dstIp: '192.168.0.11' });
    expect(trace.connections[0]!.outcome).toBe('rejected');
  });

  it('a UDP request refused: the socket error is told for UDP, not as a failed connect()', () => {
    const base = PRESETS['no-endpoints']!;
    const parsed = parseScenario({
      ...base,
      cluster: {
        ...base.cluster,
        services: base.cluster.services.map((s) => ({
          ...s,
          ports: [{ name: 'dns', port: 53, protocol: 'UDP' as const, targetPort: 5353 }],
        })),
      },
      traffic: [{ from: 'pod1', to: 'svc1', port: 53, protocol: 'UDP' as const }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const last = packetSteps(simulate(parsed.scenario)).at(-1)!;
    expect(last.kind).toBe('socket-error');
    expect(last.note.id).toBe('socket-error.udp');
    expect(icmp(last)!.quoted.protocol).toBe('udp');
  });
});

describe("the error's source address (icmp_send)", () => {
  const world = worldOf('article');
  const vm1 = nodeNamed(world, 'vm1');
  const source = (refused: ReturnType<typeof tcp>, ipvs: ReadonlySet<string> = new Set()) =>
    icmpSource(vm1, refused, lookupRoute(world.cluster, vm1, refused.srcIp, ipvs), ipvs);

  it.each([
    ['a pod on its bridge: cbr0, the route back', '10.244.1.2', '10.96.0.10', '10.244.1.1'],
    ['a pod on another node: eth0, the route back', '10.244.2.3', '10.96.0.10', '192.168.0.11'],
    ['the node itself: its own address', '192.168.0.11', '10.96.0.10', '192.168.0.11'],
    ['a packet addressed to the node: that address', '10.244.2.3', '192.168.0.11', '192.168.0.11'],
  ])('to %s', (_, src, dst, expected) => {
    expect(source(tcp(src, 40000, dst, 80))).toBe(ipv4(expected));
  });

  it('answers from a ClusterIP bound to kube-ipvs0 (IPVS mode), because it is local', () => {
    expect(source(tcp('10.244.1.2', 40000, '10.96.0.10', 80), new Set(['10.96.0.10']))).toBe('10.96.0.10');
  });
});

/** The quoted header's fields, as the refused packet had them. */
function pick(s: PacketStep) {
  const { srcIp, dstIp, protocol, srcPort, dstPort, flags, ttl } = s.after;
  return { srcIp, dstIp, protocol, srcPort, dstPort, flags, ttl };
}
