import { describe, expect, it } from 'vitest';
import { isPacketStep, jumpedChain, narrate, presetScenario, simulate, type PacketStep, type Trace } from '../../../src/index';

const traceOf = (name: string) => simulate(presetScenario(name)!);
const packetSteps = (trace: Trace, connection: number) =>
  trace.steps.filter((s): s is PacketStep => isPacketStep(s) && s.connection === connection);
const nodeIp = (trace: Trace, node: string) => trace.topology.nodes.find((n) => n.name === node)!.ip;
const clientIp = (trace: Trace, name: string) => trace.topology.outside!.clients.find((c) => c.name === name)!.ip;
/** The chains a step's rules jumped to, in order. */
const jumps = (step: PacketStep) => step.rules.filter((r) => r.verdict === 'jump').flatMap((r) => jumpedChain(r.detail) ?? []);
const decided = (step: PacketStep) => step.rules.find((r) => r.decided);

describe('a client outside the cluster', () => {
  it('nodeport: vm1 DNATs its node port through KUBE-NODEPORTS and KUBE-EXT, masquerades to its own IP, and un-NATs the reply', () => {
    const trace = traceOf('nodeport');
    const steps = packetSteps(trace, 0);
    const nodePort = trace.topology.outside!.services[0]!.nodePorts[0]!;
    const syn = steps.filter((s) => s.label === 'SYN');
    expect(syn[0]).toMatchObject({ kind: 'wire', at: 'laptop/eth0', to: 'vm1/eth0' });
    expect(syn[0]!.before).toMatchObject({ dstIp: nodeIp(trace, 'vm1'), dstPort: nodePort });
    const dnat = syn.find((s) => s.kind === 'dnat')!;
    expect(dnat.node).toBe('vm1');
    expect(jumps(dnat)).toEqual(expect.arrayContaining(['KUBE-NODEPORTS', 'KUBE-MARK-MASQ']));
    expect(jumps(dnat).some((c) => c.startsWith('KUBE-EXT-'))).toBe(true);
    const masq = syn.find((s) => s.kind === 'snat')!;
    expect(masq).toMatchObject({ node: 'vm1', hook: 'POSTROUTING' });
    expect(masq.after.srcIp).toBe(nodeIp(trace, 'vm1'));
    // The endpoint, on the other node, sees vm1's address, not the laptop's.
    const delivered = syn.find((s) => s.kind === 'deliver')!;
    expect(delivered).toMatchObject({ node: 'vm2', to: 'pod4/eth0' });
    expect(delivered.after.srcIp).toBe(nodeIp(trace, 'vm1'));
    // The reply goes back through vm1, which undoes both NATs: from vm1's node port to the laptop.
    const reply = steps.filter((s) => s.label === 'SYN-ACK');
    expect(reply.filter((s) => s.kind === 'reverse-nat').map((s) => s.node)).toEqual(['vm1', 'vm1']);
    const last = reply[reply.length - 1]!;
    expect(last).toMatchObject({ kind: 'wire', to: 'laptop/eth0' });
    expect(last.after).toMatchObject({ srcIp: nodeIp(trace, 'vm1'), srcPort: nodePort, dstIp: clientIp(trace, 'laptop') });
    expect(trace.connections[0]).toMatchObject({ outcome: 'established', endpointPod: 'pod4' });
  });

  it('nodeport-local: the node with the endpoint keeps the source; the node without drops it, saying it has no local endpoints', () => {
    const trace = traceOf('nodeport-local');
    const kept = packetSteps(trace, 0).find((s) => s.kind === 'deliver' && s.label === 'SYN')!;
    expect(kept.after.srcIp).toBe(clientIp(trace, 'laptop'));
    expect(packetSteps(trace, 0).some((s) => s.kind === 'snat')).toBe(false);
    expect(trace.connections.map((c) => c.outcome)).toEqual(['established', 'dropped']);
    const drop = packetSteps(trace, 1).find((s) => s.kind === 'drop' && s.rules.length > 0)!;
    expect(drop).toMatchObject({ node: 'vm1', hook: 'INPUT' });
    expect(decided(drop)).toMatchObject({ verdict: 'drop', chain: 'KUBE-EXTERNAL-SERVICES' });
    expect(decided(drop)!.text).toContain('has no local endpoints');
    expect(drop.note.params.comment).toBe('default/svc1:http has no local endpoints');
  });

  it("nodeport: the reply leaves vm1 straight to the laptop on the nodes' network, narrated as on-link, not as the default route", () => {
    const trace = traceOf('nodeport');
    const back = packetSteps(trace, 0).find((s) => s.kind === 'route' && s.node === 'vm1' && s.label === 'SYN-ACK')!;
    expect(back.note.id).toBe('route.on-link');
    expect(narrate(back.note, 'en')).toContain("192.168.0.100 is on the nodes' own network, reached straight through eth0");
    expect(narrate(back.note, 'en')).not.toContain('default route');
  });

  it("nodeport-local: nat PREROUTING on the node without an endpoint is narrated as the Service's external chain returning, not as no Service", () => {
    for (const mode of ['iptables', 'nftables'] as const) {
      const trace = simulate(presetScenario('nodeport-local')!, { mode });
      const hook = packetSteps(trace, 1).find((s) => s.node === 'vm1' && s.hook === 'PREROUTING' && s.label === 'SYN')!;
      expect(hook.after.dstIp, mode).toBe(nodeIp(trace, 'vm1'));
      const en = narrate(hook.note, 'en');
      expect(en, mode).toContain('vm1 has none');
      expect(en, mode).toMatch(
        mode === 'iptables'
          ? /KUBE-NODEPORTS sends 192\.168\.0\.11:30000 to KUBE-EXT-/
          : /in the map service-nodeports and goes to external-/,
      );
      expect(en, mode).not.toMatch(/no Service|no element/);
      expect(narrate(hook.note, 'zh'), mode).toContain('vm1 上没有');
    }
    // The node with the endpoint does DNAT: its narration is the DNAT's, not this one.
    const other = packetSteps(traceOf('nodeport-local'), 0).find((s) => s.node === 'vm2' && s.hook === 'PREROUTING' && s.label === 'SYN')!;
    expect(other.kind).toBe('dnat');
  });

  it('loadbalancer: KUBE-FW lets the source range in and KUBE-PROXY-FIREWALL drops the rest; the health checks say where the endpoint is', () => {
    const trace = traceOf('loadbalancer');
    expect(trace.connections.map((c) => [c.client, c.outcome])).toEqual([
      ['office', 'established'],
      ['stranger', 'dropped'],
    ]);
    const allowed = packetSteps(trace, 0).find((s) => s.kind === 'dnat')!;
    expect(jumps(allowed).some((c) => c.startsWith('KUBE-FW-'))).toBe(true);
    expect(allowed.after.srcIp).toBe(clientIp(trace, 'office'));
    const blocked = packetSteps(trace, 1);
    expect(blocked.some((s) => s.kind === 'dnat')).toBe(false);
    expect(jumps(blocked.find((s) => s.hook === 'PREROUTING')!).some((c) => c.startsWith('KUBE-FW-'))).toBe(true);
    expect(decided(blocked.find((s) => s.kind === 'drop' && s.rules.length > 0)!)).toMatchObject({
      chain: 'KUBE-PROXY-FIREWALL',
      verdict: 'drop',
    });
    // The load balancer sends both to the node its health check finds healthy.
    expect(blocked[1]).toMatchObject({ at: 'outside/load-balancer', to: 'vm2/eth0' });
    expect(trace.topology.outside!.services[0]!.healthChecks.map((h) => [h.node, h.status])).toEqual([
      ['vm1', 503],
      ['vm2', 200],
    ]);
  });

  it("external-ip: KUBE-SERVICES matches the external IP, the router's way in and out", () => {
    const trace = traceOf('external-ip');
    const steps = packetSteps(trace, 0);
    const dnat = steps.find((s) => s.kind === 'dnat')!;
    expect(dnat.rules.find((r) => r.verdict === 'jump' && r.chain === 'KUBE-SERVICES')!.text).toContain('external IP');
    expect(steps[0]).toMatchObject({ at: 'remote/eth0', to: 'outside/router' });
    expect(steps.filter((s) => s.label === 'SYN-ACK').at(-1)).toMatchObject({ at: 'outside/router', to: 'remote/eth0' });
    expect(trace.connections[0]!.outcome).toBe('established');
  });
});

describe('internalTrafficPolicy Local', () => {
  it("drops a pod's packet on a node with no local endpoint, where Cluster would DNAT it to the other node", () => {
    const base = presetScenario('cross-node')!;
    const local = {
      ...base,
      cluster: { ...base.cluster, services: [{ ...base.cluster.services[0]!, internalTrafficPolicy: 'Local' as const }] },
    };
    expect(simulate(base).connections[0]!.outcome).toBe('established');
    const trace = simulate(local);
    expect(trace.connections[0]!.outcome).toBe('dropped');
    const drop = packetSteps(trace, 0).find((s) => s.kind === 'drop' && s.rules.length > 0)!;
    expect(drop).toMatchObject({ node: 'vm1', hook: 'FORWARD' });
    expect(decided(drop)!.text).toContain('"default/svc1:http has no local endpoints"');
  });
});
