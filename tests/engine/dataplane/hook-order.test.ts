import { describe, expect, it } from 'vitest';
import type { StepDraft } from '../../../src/dataplane/step-draft';
import { replyTo, tcp, walk, worldOf, type Walked } from './fixtures';

/**
 * Each place a packet met netfilter or IPVS, in order: "vm1 PREROUTING nat" (a table
 * whose rules were evaluated), "vm1 INPUT ipvs" (IPVS scheduled or un-NATed it), or
 * "vm1 PREROUTING conntrack" (no rule ran: the packet followed its conntrack entry).
 */
function stages(steps: readonly StepDraft[]): string[] {
  const out: string[] = [];
  for (const s of steps) {
    if (s.hook === null) continue;
    const at = `${s.node} ${s.hook}`;
    const tables = s.rules.map((r) => r.table).filter((t, i, all) => i === 0 || all[i - 1] !== t);
    if (tables.length > 0) out.push(...tables.map((t) => `${at} ${t}`));
    else out.push(`${at} ${s.ipvsChange ? 'ipvs' : 'conntrack'}`);
  }
  return out;
}

/** The first packet from `from` to svc1 (10.96.0.10:80), then the endpoint's answer. */
function toServiceAndBack(
  mode: 'iptables' | 'ipvs',
  from: { readonly pod: string } | { readonly node: string },
  src: string,
): { first: Walked; reply: Walked } {
  // svc1's only endpoint in this preset is pod4 on vm2.
  const world = worldOf('cross-node', mode);
  const first = walk(world, from, tcp(src, 40000, '10.96.0.10', 80));
  if (first.outcome.kind !== 'delivered') throw new Error(`not delivered: ${JSON.stringify(first.outcome)}`);
  return { first, reply: walk(world, { pod: 'pod4' }, replyTo(first.outcome.packet)) };
}

// The kernel runs, at each hook, the tables in priority order (netfilter_ipv4.h): raw
// -300, conntrack -200, mangle -150, nat DNAT -100, filter 0, nat SNAT 100. kube-proxy
// writes nothing into raw and mangle, so only nat and filter show rules; nat sees only
// a connection's first packet, later ones follow the conntrack entry.
describe('the order of the netfilter hooks and tables in iptables mode', () => {
  const pod = toServiceAndBack('iptables', { pod: 'pod1' }, '10.244.1.2');
  const host = toServiceAndBack('iptables', { node: 'vm1' }, '192.168.0.11');

  it.each(['iptables', 'ipvs'] as const)(
    'has only nat and filter rules to run in %s mode: kube-proxy writes no raw or mangle table',
    (mode) => {
      const world = worldOf('cross-node', mode);
      for (const kernel of world.kernels.values()) expect(kernel.ruleset.tables.map((t) => t.name).sort()).toEqual(['filter', 'nat']);
    },
  );

  it("forwards a pod's packet through nat PREROUTING, filter FORWARD, nat POSTROUTING on each node", () => {
    expect(stages(pod.first.steps)).toEqual([
      'vm1 PREROUTING nat',
      'vm1 FORWARD filter',
      'vm1 POSTROUTING nat',
      'vm2 PREROUTING nat',
      'vm2 FORWARD filter',
      'vm2 POSTROUTING nat',
    ]);
  });

  it('forwards the reply through the same hooks, with conntrack instead of nat rules', () => {
    expect(stages(pod.reply.steps)).toEqual([
      'vm2 PREROUTING conntrack',
      'vm2 FORWARD filter',
      'vm2 POSTROUTING conntrack',
      'vm1 PREROUTING conntrack',
      'vm1 FORWARD filter',
      'vm1 POSTROUTING conntrack',
    ]);
  });

  it('takes a packet for the node itself (local in) through nat PREROUTING, then filter INPUT', () => {
    const { outcome, steps } = walk(worldOf('article'), { pod: 'pod1' }, tcp('10.244.1.2', 40000, '192.168.0.11', 10250));
    expect(outcome).toMatchObject({ kind: 'delivered', peer: { kind: 'host' } });
    expect(stages(steps)).toEqual(['vm1 PREROUTING nat', 'vm1 INPUT filter']);
  });

  it("sends the node's own packet (local out) through nat OUTPUT before filter OUTPUT, then nat POSTROUTING", () => {
    expect(stages(host.first.steps)).toEqual([
      'vm1 OUTPUT nat',
      'vm1 OUTPUT filter',
      'vm1 POSTROUTING nat',
      'vm2 PREROUTING nat',
      'vm2 FORWARD filter',
      'vm2 POSTROUTING nat',
    ]);
  });

  it("takes the reply to the node's own packet through PREROUTING and filter INPUT", () => {
    expect(stages(host.reply.steps).slice(-2)).toEqual(['vm1 PREROUTING conntrack', 'vm1 INPUT filter']);
    // conntrack un-DNATs the reply at INPUT (nat SNAT side, after filter): the process sees the ClusterIP.
    expect(host.reply.steps.at(-1)).toMatchObject({ hook: 'INPUT', after: { srcIp: '10.96.0.10', srcPort: 80 } });
    expect(host.reply.outcome).toMatchObject({ kind: 'delivered', peer: { kind: 'host' } });
  });
});

// IPVS hooks in at LOCAL_IN (ip_vs_remote_request4, priority 99: after filter INPUT),
// LOCAL_OUT (ip_vs_local_request4, -98: after nat OUTPUT, before filter OUTPUT) and, for
// replies, FORWARD (ip_vs_reply4, 100: after filter FORWARD) or LOCAL_IN (98).
describe('where IPVS acts in IPVS mode', () => {
  const pod = toServiceAndBack('ipvs', { pod: 'pod1' }, '10.244.1.2');
  const host = toServiceAndBack('ipvs', { node: 'vm1' }, '192.168.0.11');

  it("takes a pod's packet to the ClusterIP on kube-ipvs0 into INPUT, where IPVS rewrites it after filter INPUT and sends it out through OUTPUT", () => {
    expect(stages(pod.first.steps)).toEqual([
      'vm1 PREROUTING nat',
      'vm1 INPUT filter',
      'vm1 INPUT ipvs',
      'vm1 OUTPUT filter',
      'vm1 POSTROUTING nat',
      'vm2 PREROUTING nat',
      'vm2 FORWARD filter',
      'vm2 POSTROUTING nat',
    ]);
  });

  it('gives the reply its ClusterIP back at FORWARD, after filter FORWARD', () => {
    expect(stages(pod.reply.steps).slice(-4)).toEqual([
      'vm1 PREROUTING conntrack',
      'vm1 FORWARD filter',
      'vm1 FORWARD ipvs',
      'vm1 POSTROUTING conntrack',
    ]);
    expect(pod.reply.outcome).toMatchObject({ kind: 'delivered', packet: { srcIp: '10.96.0.10', srcPort: 80 } });
  });

  it("rewrites the node's own packet at OUTPUT, between nat OUTPUT and filter OUTPUT", () => {
    expect(stages(host.first.steps).slice(0, 4)).toEqual(['vm1 OUTPUT nat', 'vm1 OUTPUT ipvs', 'vm1 OUTPUT filter', 'vm1 POSTROUTING nat']);
  });

  it('gives the reply to the node its ClusterIP back at INPUT, after filter INPUT', () => {
    expect(stages(host.reply.steps).slice(-3)).toEqual(['vm1 PREROUTING conntrack', 'vm1 INPUT filter', 'vm1 INPUT ipvs']);
    expect(host.reply.outcome).toMatchObject({ kind: 'delivered', peer: { kind: 'host' }, packet: { srcIp: '10.96.0.10', srcPort: 80 } });
  });
});
