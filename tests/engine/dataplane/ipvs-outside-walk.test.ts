import { describe, expect, it } from 'vitest';
import { isPacketStep, jumpedChain, narrate, presetScenario, simulate, type PacketStep, type Trace } from '../../../src/index';

const traceOf = (name: string) => simulate(presetScenario(name)!, { mode: 'ipvs' });
const packetSteps = (trace: Trace, connection: number) =>
  trace.steps.filter((s): s is PacketStep => isPacketStep(s) && s.connection === connection);
const nodeIp = (trace: Trace, node: string) => trace.topology.nodes.find((n) => n.name === node)!.ip;
const clientIp = (trace: Trace, name: string) => trace.topology.outside!.clients.find((c) => c.name === name)!.ip;
const podIp = (trace: Trace, pod: string) => trace.topology.pods.find((p) => p.name === pod)!.ip;
/** The ipsets the rules of a step matched against, in order. */
const setsMatched = (step: PacketStep) =>
  step.rules.filter((r) => r.verdict !== 'no-match').flatMap((r) => /--match-set (\S+)/.exec(r.text)?.[1] ?? []);

describe('IPVS mode, a client outside the cluster', () => {
  it('nodeport: KUBE-NODE-PORT-TCP marks the packet, IPVS sends it to pod4 on vm2, vm1 masquerades to its IP and un-NATs the reply', () => {
    const trace = traceOf('nodeport');
    const nodePort = trace.topology.outside!.services[0]!.nodePorts[0]!;
    const vm1 = nodeIp(trace, 'vm1');
    const syn = packetSteps(trace, 0).filter((s) => s.label === 'SYN');
    const pre = syn.find((s) => s.node === 'vm1' && s.hook === 'PREROUTING')!;
    expect(setsMatched(pre)).toEqual(['KUBE-NODE-PORT-TCP']);
    expect(pre.rules.some((r) => r.verdict === 'jump' && jumpedChain(r.detail) === 'KUBE-MARK-MASQ')).toBe(true);
    expect(narrate(pre.note, 'en')).toContain('KUBE-NODE-PORT-TCP');
    // IPVS, not the nat table, picks the real server: vm1's own address at the node port is a virtual server.
    const ipvs = syn.find((s) => s.kind === 'dnat')!;
    expect(ipvs).toMatchObject({ node: 'vm1', hook: 'INPUT' });
    expect(ipvs.ipvsChange).toMatchObject({ virtualServer: `TCP  ${vm1}:${nodePort}`, realServer: `${podIp(trace, 'pod4')}:8080` });
    const masq = syn.find((s) => s.kind === 'snat')!;
    expect(masq).toMatchObject({ node: 'vm1', hook: 'POSTROUTING' });
    expect(masq.after.srcIp).toBe(vm1);
    expect(syn.find((s) => s.kind === 'deliver')).toMatchObject({ node: 'vm2', to: 'pod4/eth0', after: { srcIp: vm1 } });
    // conntrack un-SNATs the reply at PREROUTING, IPVS gives it the virtual server's source at FORWARD.
    const reply = packetSteps(trace, 0).filter((s) => s.label === 'SYN-ACK');
    expect(reply.filter((s) => s.kind === 'reverse-nat').map((s) => [s.node, s.hook])).toEqual([
      ['vm1', 'PREROUTING'],
      ['vm1', 'FORWARD'],
    ]);
    expect(reply.at(-1)).toMatchObject({ kind: 'wire', to: 'laptop/eth0' });
    expect(reply.at(-1)!.after).toMatchObject({ srcIp: vm1, srcPort: nodePort, dstIp: clientIp(trace, 'laptop') });
    expect(trace.connections[0]).toMatchObject({ outcome: 'established', endpointPod: 'pod4' });
  });

  it('nodeport-local: vm2 keeps the client address; vm1 has no local endpoint, sends it to pod4 anyway, and the laptop discards the reply', () => {
    const trace = traceOf('nodeport-local');
    const laptop = clientIp(trace, 'laptop');
    const kept = packetSteps(trace, 0).filter((s) => s.label === 'SYN');
    expect(setsMatched(kept.find((s) => s.hook === 'PREROUTING')!)).toEqual(['KUBE-NODE-PORT-LOCAL-TCP']);
    expect(kept.some((s) => s.kind === 'snat')).toBe(false);
    expect(kept.find((s) => s.kind === 'deliver')!.after.srcIp).toBe(laptop);
    expect(trace.connections[0]!.outcome).toBe('established');

    // vm1's virtual server falls back to every endpoint (kubernetes#97081): no drop on vm1.
    const other = packetSteps(trace, 1);
    const ipvs = other.find((s) => s.kind === 'dnat')!;
    expect(ipvs).toMatchObject({ node: 'vm1', ipvsChange: { realServer: `${podIp(trace, 'pod4')}:8080` } });
    expect(ipvs.note.id).toBe('ipvs.local-fallback');
    expect(narrate(ipvs.note, 'en')).toContain('vm1 has no local endpoint');
    expect(kept.find((s) => s.kind === 'dnat')!.note.id).not.toBe('ipvs.local-fallback');
    expect(other.find((s) => s.label === 'SYN' && s.kind === 'deliver')!.after.srcIp).toBe(laptop);
    // pod4's reply leaves vm2 with pod4's own address, and the laptop has no connection with it.
    const last = other.at(-1)!;
    expect(last).toMatchObject({ kind: 'drop', label: 'SYN-ACK', at: 'laptop/eth0', note: { id: 'drop.stray-reply' } });
    expect(last.after.srcIp).toBe(podIp(trace, 'pod4'));
    expect(narrate(last.note, 'en')).toContain(`connection is to ${nodeIp(trace, 'vm1')}:`);
    expect(trace.connections[1]!.outcome).toBe('dropped');
  });

  it('loadbalancer: KUBE-LOAD-BALANCER-SOURCE-CIDR lets the office in; the stranger is dropped by KUBE-SOURCE-RANGES-FIREWALL', () => {
    const trace = traceOf('loadbalancer');
    const office = packetSteps(trace, 0);
    const input = office.find((s) => s.hook === 'INPUT' && s.kind === 'hook')!;
    expect(setsMatched(input)).toEqual(expect.arrayContaining(['KUBE-LOAD-BALANCER-FW', 'KUBE-LOAD-BALANCER-SOURCE-CIDR']));
    expect(office.find((s) => s.kind === 'dnat')!.ipvsChange!.virtualServer).toBe('TCP  203.0.113.10:80');
    expect(trace.connections[0]!.outcome).toBe('established');

    const drop = packetSteps(trace, 1).find((s) => s.kind === 'drop' && s.rules.length > 0)!;
    expect(drop).toMatchObject({ node: 'vm2', hook: 'INPUT', note: { id: 'input.drop.source-ranges' } });
    expect(drop.rules.find((r) => r.decided)).toMatchObject({ chain: 'KUBE-SOURCE-RANGES-FIREWALL', verdict: 'drop' });
    expect(narrate(drop.note, 'zh')).toContain(clientIp(trace, 'stranger'));
    expect(packetSteps(trace, 1).some((s) => s.ipvsChange)).toBe(false);
    expect(trace.connections[1]!.outcome).toBe('dropped');
  });

  it('external-ip: KUBE-EXTERNAL-IP marks the packet, IPVS has a virtual server on the address bound to kube-ipvs0', () => {
    const trace = traceOf('external-ip');
    const syn = packetSteps(trace, 0).filter((s) => s.label === 'SYN');
    const pre = syn.find((s) => s.node === 'vm1' && s.hook === 'PREROUTING')!;
    expect(setsMatched(pre)).toContain('KUBE-EXTERNAL-IP');
    expect(pre.note.id).toBe('prerouting.ipvs-external-masq');
    expect(syn.find((s) => s.kind === 'route')!.note.id).toBe('route.ipvs-local-external');
    expect(syn.find((s) => s.kind === 'dnat')!.ipvsChange!.virtualServer).toBe('TCP  192.168.0.200:80');
    expect(syn.find((s) => s.kind === 'snat')!.after.srcIp).toBe(nodeIp(trace, 'vm1'));
    expect(trace.connections[0]!.outcome).toBe('established');
  });
});
