import { describe, expect, it } from 'vitest';
import {
  isControlPlaneStep,
  isPacketStep,
  narrate,
  PRESET_NAMES,
  presetScenario,
  simulate,
  type PacketStep,
  type Trace,
} from '../../../src/index';
import { articleWithServices } from './article-with-services';

const packetSteps = (t: Trace) => t.steps.filter(isPacketStep);
const article = presetScenario('article')!;
const trace = simulate(article, { mode: 'nftables' });
const firstSyn = (t: Trace, hook: PacketStep['hook'], node = 'vm1') =>
  packetSteps(t).find((s) => s.label === 'SYN' && s.hook === hook && s.node === node)!;

describe('the article preset in nftables mode', () => {
  it("takes the same hops as iptables mode; its hook steps run table ip kube-proxy's chains, and no iptables rule", () => {
    const hops = (t: Trace) => packetSteps(t).map((s) => `${s.label} ${s.kind} ${s.at}>${s.to}`);
    expect(trace.mode).toBe('nftables');
    expect(hops(trace)).toEqual(hops(simulate(article, { mode: 'iptables' })));
    expect(packetSteps(trace).flatMap((s) => s.rules)).toEqual([]);
    const chains = (s: PacketStep) => [...new Set(s.nftRules.map((r) => r.chain))];
    expect(chains(firstSyn(trace, 'PREROUTING'))[0]).toBe('filter-prerouting-pre-dnat');
    expect(chains(firstSyn(trace, 'PREROUTING'))).toContain('nat-prerouting');
    expect(chains(firstSyn(trace, 'FORWARD'))).toEqual(['filter-forward', 'service-endpoints-check', 'cluster-ips-check']);
    expect(chains(firstSyn(trace, 'POSTROUTING'))).toEqual(['nat-postrouting', 'masquerading']);
    // Steps at no hook evaluate nothing.
    expect(packetSteps(trace).filter((s) => s.hook === null && s.nftRules.length > 0)).toEqual([]);
  });

  it('DNATs through one service-ips lookup and numgen, to the endpoint numgen drew', () => {
    const dnat = firstSyn(trace, 'PREROUTING');
    expect(dnat.kind).toBe('dnat');
    const service = dnat.nftRules.find((r) => r.chain === 'services' && r.position === 1)!;
    expect(service.verdict).toBe('goto');
    expect(service.lookups).toEqual([
      {
        set: 'service-ips',
        key: '10.96.0.10 . tcp . 80',
        element: '10.96.0.10 . tcp . 80',
        value: expect.stringMatching(/^goto service-[A-Z0-9]{8}-default\/svc1\/tcp\/http$/),
      },
    ]);
    const numgen = dnat.nftRules.find((r) => r.text.startsWith('numgen random mod 2 vmap'))!;
    const drawn = numgen.lookups[0]!;
    const chosen = drawn.value!.replace('goto ', '');
    const decided = dnat.nftRules.filter((r) => r.decided);
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatchObject({ chain: chosen, verdict: 'dnat' });
    // The endpoint chain's name ends in the endpoint it DNATs to: the packet goes there.
    const [ip, port] = chosen.split('__')[1]!.split('/');
    expect(`${dnat.after.dstIp}:${dnat.after.dstPort}`).toBe(`${ip}:${port}`);
    expect(trace.connections[0]!.endpoint).toBe(`${ip}:${port}`);
    expect(narrate(dnat.note, 'en')).toContain(`numgen random mod 2 drew ${drawn.key}`);
    expect(narrate(dnat.note, 'zh')).toContain(`numgen random mod 2 抽到 ${drawn.key}`);
  });

  it('makes the same conntrack entries as iptables mode, step for step: conntrack does not care who NATed', () => {
    const ipt = simulate(article, { mode: 'iptables' });
    expect(trace.steps.map((s) => s.conntrack)).toEqual(ipt.steps.map((s) => s.conntrack));
  });

  it('is deterministic per seed, and another seed can draw the other endpoint', () => {
    expect(simulate(article, { mode: 'nftables' })).toEqual(trace);
    const endpoints = new Set([1, 2, 3, 4, 5, 6].map((seed) => simulate(article, { mode: 'nftables', seed }).connections[0]!.endpointPod));
    expect(endpoints).toEqual(new Set(['pod3', 'pod4']));
  });

  it('later packets meet only the filter chains, whose ct state new rules do not match; the nat chains are skipped', () => {
    const later = packetSteps(trace).filter((s) => s.packet > 0 && s.hook !== null);
    expect(later.length).toBeGreaterThan(0);
    for (const s of later) {
      expect(s.nftRules.every((r) => r.verdict === 'no-match' && r.text.startsWith('ct state new'))).toBe(true);
      expect(s.nftRules.some((r) => r.chain.startsWith('nat-'))).toBe(false);
    }
  });
});

describe('nftables mode in the other presets', () => {
  it('no-endpoints: not in service-ips; filter-forward finds it in no-endpoint-services and reject-chain refuses it', () => {
    const t = simulate(presetScenario('no-endpoints')!, { mode: 'nftables' });
    const pre = firstSyn(t, 'PREROUTING');
    expect(pre.nftRules.find((r) => r.chain === 'services')!.lookups[0]).toMatchObject({ set: 'service-ips', element: null });
    const reject = packetSteps(t).find((s) => s.kind === 'reject')!;
    expect(reject.hook).toBe('FORWARD');
    expect(reject.nftRules.at(-1)).toMatchObject({ chain: 'reject-chain', text: 'reject', verdict: 'reject', decided: true });
    expect(reject.nftRules.flatMap((r) => r.lookups).find((l) => l.set === 'no-endpoint-services')).toMatchObject({
      element: '10.96.0.10 . tcp . 80',
      value: 'goto reject-chain',
    });
    expect(packetSteps(t).some((s) => s.kind === 'icmp-error')).toBe(true);
    expect(t.connections[0]!.outcome).toBe('rejected');
    expect(narrate(reject.note, 'en')).toContain('no-endpoint-services holds 10.96.0.10 . tcp . 80');
  });

  it('loadbalancer: a source outside loadBalancerSourceRanges is dropped in filter-prerouting-pre-dnat, through firewall-ips, before nat-prerouting', () => {
    const t = simulate(presetScenario('loadbalancer')!, { mode: 'nftables' });
    const stranger = t.connections[1]!;
    expect(stranger.outcome).toBe('dropped');
    const drop = packetSteps(t).find((s) => s.connection === 1 && s.kind === 'drop' && s.nftRules.length > 0)!;
    expect(drop.hook).toBe('PREROUTING');
    expect(drop.nftRules.some((r) => r.chain === 'nat-prerouting')).toBe(false);
    expect(drop.nftRules.at(-1)).toMatchObject({ verdict: 'drop', decided: true, text: 'ip saddr != 203.0.113.0/24 drop' });
    expect(narrate(drop.note, 'en')).toContain('firewall-ips holds 203.0.113.10 . tcp . 80');
    expect(narrate(drop.note, 'en')).not.toContain('service-ips');
    expect(narrate(drop.note, 'zh')).toContain('loadBalancerSourceRanges');
  });

  it('hairpin: the endpoint chain marks the pod reaching itself, and masquerading masquerades it fully-random to cbr0', () => {
    const t = simulate(presetScenario('hairpin')!, { mode: 'nftables' });
    const dnat = packetSteps(t).find((s) => s.kind === 'dnat')!;
    expect(dnat.nftRules.some((r) => r.chain === 'mark-for-masquerade')).toBe(true);
    const snat = packetSteps(t).find((s) => s.kind === 'snat')!;
    expect(snat.hook).toBe('POSTROUTING');
    expect(snat.nftRules.at(-1)).toMatchObject({ chain: 'masquerading', text: 'masquerade fully-random', decided: true });
    expect(snat.after.srcIp).toBe('10.244.2.1');
  });

  it("node-to-service: a node's own packet is DNATed by nat-output", () => {
    const t = simulate(presetScenario('node-to-service')!, { mode: 'nftables' });
    const out = packetSteps(t).find((s) => s.kind === 'dnat')!;
    expect(out.hook).toBe('OUTPUT');
    expect(out.nftRules.map((r) => r.chain)).toContain('nat-output');
    expect(out.nftRules.some((r) => r.chain === 'mark-for-masquerade')).toBe(true);
    expect(out.note.id).toBe('output.nft-dnat.numgen');
  });

  it('session-affinity: the second connection is sent back by the affinity set, before numgen', () => {
    const t = simulate(presetScenario('session-affinity')!, { mode: 'nftables' });
    const dnats = packetSteps(t).filter((s) => s.kind === 'dnat');
    expect(dnats[0]!.note.id).toBe('prerouting.nft-dnat.numgen.affinity-start');
    expect(dnats[1]!.note.id).toBe('prerouting.nft-dnat.affinity');
    expect(dnats[1]!.nftRules.some((r) => r.text.startsWith('numgen'))).toBe(false);
    expect(t.connections[1]!.endpoint).toBe(t.connections[0]!.endpoint);
  });

  it('pod-churn: the sync diffs nft list table ip kube-proxy, and the iptables tables stay empty', () => {
    const t = simulate(presetScenario('pod-churn')!, { mode: 'nftables' });
    const sync = t.steps.filter(isControlPlaneStep).find((s) => s.kind === 'kube-proxy-sync')!;
    const diff = sync.rulesDiff!;
    expect(diff.tables).toEqual([]);
    expect(diff.ipvs).toBeNull();
    expect(diff.nft!.before[0]).toBe('table ip kube-proxy {');
    const gone = diff.nft!.before.filter((l) => !diff.nft!.after.includes(l));
    expect(gone.some((l) => /^\tchain endpoint-[A-Z0-9]{8}-default\/svc1\/tcp\/http__10\.244\.2\.3\/8080 \{$/.test(l))).toBe(true);
    expect(diff.nft!.after.some((l) => l.includes('numgen random mod 1 vmap'))).toBe(true);
    expect(sync.note.id).toMatch(/^kube-proxy-sync\.nftables\.nft-endpoints/);
    expect(narrate(sync.note, 'zh')).not.toMatch(/\{\w+\}/);
  });

  it.each(PRESET_NAMES.filter((n) => n !== 'large'))(
    '%s: simulates in nftables mode with the outcomes and conntrack entries of iptables mode, every note in both languages',
    (name) => {
      const scenario = presetScenario(name)!;
      const nft = simulate(scenario, { mode: 'nftables' });
      const ipt = simulate(scenario, { mode: 'iptables' });
      expect(nft.connections.map((c) => [c.endpoint, c.outcome])).toEqual(ipt.connections.map((c) => [c.endpoint, c.outcome]));
      // Step for step where the walks agree; a source-range drop comes earlier in nftables mode
      // (filter-prerouting-pre-dnat) than in iptables mode (filter FORWARD), so compare each
      // connection's end: conntrack holds the same entries whichever rules chose the endpoint.
      const ends = (t: typeof nft) => t.connections.map((c) => t.steps[c.lastStep]!.conntrack);
      expect(ends(nft)).toEqual(ends(ipt));
      if (nft.steps.length === ipt.steps.length) expect(nft.steps.map((s) => s.conntrack)).toEqual(ipt.steps.map((s) => s.conntrack));
      for (const s of nft.steps) {
        for (const lang of ['en', 'zh'] as const) expect(narrate(s.note, lang)).not.toMatch(/^[\w.-]+$|\{\w+\}/);
      }
    },
    120_000,
  );
});

describe('what the first packet costs in nftables mode', () => {
  const withServices = articleWithServices;

  it('one service-ips lookup whatever the number of Services, where iptables walks KUBE-SERVICES rule by rule', () => {
    const cost = (n: number, mode: 'iptables' | 'nftables') => simulate(withServices(n), { mode }).connections[0]!.cost.rulesEvaluated;
    const ipt = [10, 100, 1000].map((n) => cost(n, 'iptables'));
    const nft = [10, 100, 1000].map((n) => cost(n, 'nftables'));
    expect(ipt[2]! - ipt[0]!).toBeGreaterThanOrEqual(990);
    expect(new Set(nft)).toEqual(new Set([nft[0]]));
    expect(nft[0]).toBeLessThan(ipt[0]!);
  }, 120_000);
});
