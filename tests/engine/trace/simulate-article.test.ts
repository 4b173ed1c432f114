import { describe, expect, it } from 'vitest';
import { isPacketStep, presetScenario, simulate, type Step } from '../../../src/index';

const article = presetScenario('article')!;
const trace = simulate(article);
const packetSteps = trace.steps.filter(isPacketStep);
const ofPacket = (label: string) => packetSteps.filter((s) => s.label === label);
const hops = (steps: readonly Step[]) => steps.map((s) => `${s.kind} ${s.at}>${s.to}`);

describe('the article preset (pod1 -> svc1, backed by pod3 and pod4)', () => {
  it('lands the default seed on pod4, as in the GIF', () => {
    expect(trace.connections).toEqual([
      expect.objectContaining({
        client: 'pod1',
        service: 'default/svc1',
        endpoint: '10.244.2.3:8080',
        endpointPod: 'pod4',
        outcome: 'established',
      }),
    ]);
  });

  it('DNATs the SYN in nat PREROUTING through KUBE-SERVICES, KUBE-SVC-... and KUBE-SEP-...', () => {
    const dnat = ofPacket('SYN').find((s) => s.kind === 'dnat')!;
    expect(dnat.node).toBe('vm1');
    expect(dnat.hook).toBe('PREROUTING');
    expect([dnat.before.dstIp, dnat.before.dstPort]).toEqual(['10.96.0.10', 80]);
    expect([dnat.after.dstIp, dnat.after.dstPort]).toEqual(['10.244.2.3', 8080]);
    const jumps = dnat.rules.filter((r) => r.verdict === 'jump' || r.verdict === 'dnat').map((r) => r.chain.replace(/-[A-Z0-9]{16}$/, ''));
    expect(jumps).toEqual(['PREROUTING', 'KUBE-SERVICES', 'KUBE-SVC', 'KUBE-SEP']);
    const decided = dnat.rules.filter((r) => r.decided);
    expect(decided).toHaveLength(1);
    expect(decided[0]!.text).toMatch(
      /^-A KUBE-SEP-[A-Z0-9]{16} -p tcp -m comment --comment "default\/svc1:http" -m tcp -j DNAT --to-destination 10\.244\.2\.3:8080$/,
    );
  });

  it('walks the SYN the way the kernel does: veth, bridge, PREROUTING, routing, FORWARD, POSTROUTING, the wire, then vm2', () => {
    expect(hops(ofPacket('SYN'))).toEqual([
      'leave-pod pod1/eth0>vm1/veth0',
      'veth vm1/veth0>vm1/cbr0',
      'bridge-miss vm1/cbr0>vm1/PREROUTING',
      'dnat vm1/PREROUTING>vm1/PREROUTING',
      'route vm1/PREROUTING>vm1/FORWARD',
      'hook vm1/FORWARD>vm1/POSTROUTING',
      'conntrack-new vm1/POSTROUTING>vm1/eth0',
      'wire vm1/eth0>vm2/eth0',
      'arrive-node vm2/eth0>vm2/PREROUTING',
      'hook vm2/PREROUTING>vm2/PREROUTING',
      'route vm2/PREROUTING>vm2/FORWARD',
      'hook vm2/FORWARD>vm2/POSTROUTING',
      'conntrack-new vm2/POSTROUTING>vm2/cbr0',
      'bridge vm2/cbr0>vm2/veth1',
      'deliver vm2/veth1>pod4/eth0',
    ]);
  });

  it('creates a conntrack entry on each node: the DNAT on vm1, a plain pod-to-pod entry on vm2 (as a real kernel did)', () => {
    const last = trace.steps[trace.steps.length - 1]!;
    const sport = packetSteps[0]!.before.srcPort;
    const table = (node: string) => last.conntrack.find((c) => c.node === node)!.entries.map((e) => e.text);
    expect(table('vm1')).toEqual([
      `tcp      6 86400 ESTABLISHED src=10.244.1.2 dst=10.96.0.10 sport=${sport} dport=80 src=10.244.2.3 dst=10.244.1.2 sport=8080 dport=${sport} [ASSURED] mark=0 use=1`,
    ]);
    expect(table('vm2')).toEqual([
      `tcp      6 86400 ESTABLISHED src=10.244.1.2 dst=10.244.2.3 sport=${sport} dport=8080 src=10.244.2.3 dst=10.244.1.2 sport=8080 dport=${sport} [ASSURED] mark=0 use=1`,
    ]);
    const created = ofPacket('SYN').find((s) => s.kind === 'conntrack-new' && s.node === 'vm1')!;
    expect(created.conntrackChange).toEqual({ node: 'vm1', entryId: 1, change: 'new', from: '', to: 'SYN_SENT' });
    expect(created.conntrack.find((c) => c.node === 'vm1')!.entries[0]!.text).toContain('SYN_SENT');
    expect(created.conntrack.find((c) => c.node === 'vm1')!.entries[0]!.text).toContain('[UNREPLIED]');
  });

  it("rewrites the SYN-ACK's source back to the cluster IP on vm1, in POSTROUTING, before pod1 sees it", () => {
    const synAck = ofPacket('SYN-ACK');
    const undo = synAck.find((s) => s.kind === 'reverse-nat')!;
    expect(undo.node).toBe('vm1');
    expect(undo.hook).toBe('POSTROUTING');
    expect(undo.rules).toEqual([]);
    expect(`${undo.before.srcIp}:${undo.before.srcPort}`).toBe('10.244.2.3:8080');
    expect(`${undo.after.srcIp}:${undo.after.srcPort}`).toBe('10.96.0.10:80');
    const delivered = synAck[synAck.length - 1]!;
    expect(delivered.kind).toBe('deliver');
    expect(delivered.to).toBe('pod1/eth0');
    expect(delivered.after.srcIp).toBe('10.96.0.10');
    expect(delivered.after.flags).toEqual(['SYN', 'ACK']);
  });

  it('steers the ACK by conntrack alone: no nat rule, no Service rule is evaluated', () => {
    const ack = ofPacket('ACK');
    const rules = ack.flatMap((s) => s.rules);
    expect(rules.filter((r) => r.table === 'nat')).toEqual([]);
    expect(rules.filter((r) => /KUBE-(SERVICES|SVC|SEP)/.test(r.chain))).toEqual([]);
    const hit = ack.find((s) => s.node === 'vm1' && s.hook === 'PREROUTING')!;
    expect(hit.kind).toBe('conntrack-hit');
    expect(hit.conntrackChange).toMatchObject({ change: 'update', from: 'SYN_RECV', to: 'ESTABLISHED' });
    expect(hit.after.dstIp).toBe('10.244.2.3');
    expect(ack[ack.length - 1]!.to).toBe('pod4/eth0');
  });

  it.each([
    ['pod-to-service', [1, 2, 3, 4, 5]],
    ['service-to-pod', [1, 2, 3, 4]],
  ])('numbers the %s steps as the article does', (figure, numbers) => {
    const staged = packetSteps.filter((s) => s.connection === 0 && s.stage?.figure === figure).map((s) => s.stage!.n);
    expect([...new Set(staged)]).toEqual(numbers);
  });

  it('is deterministic: the same scenario gives the same trace, byte for byte', () => {
    expect(JSON.stringify(simulate(article))).toBe(JSON.stringify(trace));
  });

  it('decrements the TTL once per routing node', () => {
    const delivered = ofPacket('SYN').at(-1)!;
    expect(delivered.after.ttl).toBe(62);
  });
});
