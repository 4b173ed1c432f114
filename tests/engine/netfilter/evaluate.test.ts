import { describe, expect, it } from 'vitest';
import { evaluateChain } from '../../../src/netfilter/evaluate';
import { parseIptablesRestore } from '../../../src/netfilter/parse-restore';
import { unwrap } from '../../../src/net/result';
import type { StepPacket } from '../../../src/net/packet';
import { context, countingRng, env, NODE_RULES, packet } from './fixtures';
import { detailOf, inEnglish } from '../english-detail';

const rules = unwrap(parseIptablesRestore(NODE_RULES));
const web = packet('10.244.5.7', '10.96.0.50', 80);
const ENDPOINTS = ['10.244.1.3', '10.244.10.9', '10.244.2.4'];

describe('evaluateChain: ClusterIP DNAT through KUBE-SERVICES -> KUBE-SVC -> KUBE-SEP', () => {
  it('DNATs a ClusterIP packet to exactly one endpoint and rewrites the destination', () => {
    const r = evaluateChain(rules, 'nat', 'PREROUTING', context(web), env(1));
    expect(r.verdict).toBe('ACCEPT');
    expect(r.nat?.kind).toBe('dnat');
    expect(ENDPOINTS).toContain(r.packet.dstIp);
    expect(r.packet.dstPort).toBe(8080);
    expect(r.packet.srcIp).toBe('10.244.5.7');
    const decided = r.evaluated.filter((e) => e.decided);
    expect(decided).toHaveLength(1);
    expect(inEnglish(decided[0])).toMatchObject({ verdict: 'dnat', detail: `--to-destination ${r.packet.dstIp}:8080`, table: 'nat' });
    expect(decided[0]?.text).toMatch(/^-A KUBE-SEP-\S+ -p tcp -m comment --comment "default\/web:http" -m tcp -j DNAT --to-destination /);
    // The walk: PREROUTING jump, KUBE-SERVICES jump, pod source so no KUBE-MARK-MASQ.
    expect(r.evaluated.slice(0, 3).map((e) => [e.chain, e.position, e.verdict])).toEqual([
      ['PREROUTING', 1, 'jump'],
      ['KUBE-SERVICES', 1, 'jump'],
      ['KUBE-SVC-CDGGSHYLG3RE2FKL', 1, 'no-match'],
    ]);
    expect(detailOf(r.evaluated[2])).toBe('! -s 10.244.0.0/16');
    expect(r.mark).toBe(0);
  });

  it('picks endpoints from the seed: the same seed repeats, different seeds differ', () => {
    const pick = (seed: number) => evaluateChain(rules, 'nat', 'PREROUTING', context(web), env(seed)).packet.dstIp;
    const picks = new Set(Array.from({ length: 20 }, (_, seed) => pick(seed)));
    expect(picks.size).toBeGreaterThan(1);
    for (let seed = 0; seed < 20; seed++) expect(pick(seed)).toBe(pick(seed));
  });

  it('reaches every endpoint with roughly 1/3 frequency (0.3333333333, 0.5, then the last rule)', () => {
    const counts = new Map<string, number>();
    const runs = 3000;
    for (let seed = 0; seed < runs; seed++) {
      const ip = evaluateChain(rules, 'nat', 'PREROUTING', context(web), env(seed)).packet.dstIp;
      counts.set(ip, (counts.get(ip) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([...ENDPOINTS].sort());
    for (const n of counts.values()) expect(Math.abs(n / runs - 1 / 3)).toBeLessThan(0.04);
  });

  it('draws the rng exactly once per statistic rule reached', () => {
    for (let seed = 0; seed < 50; seed++) {
      const rng = countingRng(seed);
      const r = evaluateChain(rules, 'nat', 'PREROUTING', context(web), env(seed, { rng }));
      const expectedDraws = r.packet.dstIp === '10.244.1.3' ? 1 : 2;
      expect(rng.draws()).toBe(expectedDraws);
      const statistic = r.evaluated.filter((e) => detailOf(e)!.includes('statistic:'));
      expect(statistic).toHaveLength(expectedDraws);
    }
  });

  it('explains a lost statistic draw', () => {
    const r = Array.from({ length: 30 }, (_, seed) => evaluateChain(rules, 'nat', 'PREROUTING', context(web), env(seed))).find(
      (x) => x.packet.dstIp !== '10.244.1.3',
    );
    const lost = r?.evaluated.find((e) => e.verdict === 'no-match' && detailOf(e)!.startsWith('statistic:'));
    expect(detailOf(lost)).toMatch(/^statistic: [01]\.\d\d >= 0\.33$/);
  });

  it('leaves a packet to a port the Service does not expose alone (nat policy ACCEPT)', () => {
    const r = evaluateChain(rules, 'nat', 'PREROUTING', context(packet('10.244.5.7', '10.96.0.50', 443)), env(1));
    expect(r).toMatchObject({ verdict: 'ACCEPT', nat: null, packet: { dstIp: '10.96.0.50', dstPort: 443 } });
    expect(detailOf(r.evaluated.find((e) => e.chain === 'KUBE-SERVICES'))).toBe('-m tcp --dport 80');
    expect(r.evaluated.every((e) => !e.decided)).toBe(true);
  });
});

describe('evaluateChain: masquerade', () => {
  const fromNode = packet('192.168.0.2', '10.96.0.50', 80);

  it('KUBE-MARK-MASQ sets 0x4000 for traffic from outside the pod CIDR', () => {
    const r = evaluateChain(rules, 'nat', 'OUTPUT', context(fromNode, { inInterface: null }), env(3));
    expect(r.mark).toBe(0x4000);
    const mark = r.evaluated.find((e) => e.chain === 'KUBE-MARK-MASQ');
    expect(inEnglish(mark)).toMatchObject({
      verdict: 'continue',
      detail: 'mark 0x0 -> 0x4000',
      text: '-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000',
    });
    expect(r.nat?.kind).toBe('dnat');
  });

  it('KUBE-POSTROUTING masquerades a marked packet and clears the mark', () => {
    const after = packet('192.168.0.2', '10.244.2.4', 8080);
    const r = evaluateChain(rules, 'nat', 'POSTROUTING', context(after, { mark: 0x4000, outInterface: 'eth0' }), env(3));
    expect(r.nat).toEqual({ kind: 'masquerade', randomFully: true });
    expect(r.mark).toBe(0);
    expect(r.evaluated.map((e) => e.verdict)).toEqual(['jump', 'no-match', 'continue', 'masquerade']);
  });

  it('KUBE-POSTROUTING returns for an unmarked packet and the POSTROUTING policy accepts it unchanged', () => {
    const r = evaluateChain(rules, 'nat', 'POSTROUTING', context(web, { outInterface: 'eth0' }), env(3));
    expect(r).toMatchObject({ verdict: 'ACCEPT', nat: null, mark: 0 });
    expect(r.evaluated.map((e) => [e.chain, e.verdict])).toEqual([
      ['POSTROUTING', 'jump'],
      ['KUBE-POSTROUTING', 'return'],
    ]);
  });

  it('keeps other mark bits when setting and clearing 0x4000', () => {
    const r = evaluateChain(rules, 'nat', 'OUTPUT', context(fromNode, { mark: 0x1 }), env(3));
    expect(r.mark).toBe(0x4001);
  });
});

describe('evaluateChain: filter and conntrack state', () => {
  const toEmpty = packet('10.244.5.7', '10.96.0.60', 80);

  it('REJECTs a NEW packet to a Service without endpoints', () => {
    const r = evaluateChain(rules, 'filter', 'OUTPUT', context(toEmpty), env(1));
    expect(r.verdict).toBe('REJECT');
    expect(inEnglish(r.evaluated.at(-1))).toMatchObject({ verdict: 'reject', decided: true, detail: 'REJECT with icmp-port-unreachable' });
  });

  it('lets an ESTABLISHED packet past the --ctstate NEW guard', () => {
    const r = evaluateChain(rules, 'filter', 'OUTPUT', context(toEmpty, { ctstate: ['ESTABLISHED'] }), env(1));
    expect(r.verdict).toBe('ACCEPT');
    expect(r.evaluated).toHaveLength(1);
    expect(inEnglish(r.evaluated[0])).toMatchObject({ verdict: 'no-match', detail: '-m conntrack --ctstate NEW (ctstate is ESTABLISHED)' });
  });

  it('applies a built-in chain DROP policy when no rule decides', () => {
    const r = evaluateChain(
      unwrap(parseIptablesRestore('*filter\n:FORWARD DROP [0:0]\n-A FORWARD -d 10.0.0.1 -j ACCEPT\nCOMMIT\n')),
      'filter',
      'FORWARD',
      context(web),
      env(1),
    );
    expect(r.verdict).toBe('DROP');
    expect(r.evaluated.map(detailOf)).toEqual(['-d 10.0.0.1/32']);
  });

  it('returns from a goto chain to the caller of the chain that jumped, and from the base chain to its policy', () => {
    const text = [
      '*filter',
      ':FORWARD DROP [0:0]',
      ':A - [0:0]',
      ':B - [0:0]',
      '-A FORWARD -j A',
      '-A FORWARD -j ACCEPT',
      '-A A -g B',
      '-A A -j DROP',
      '-A B -j RETURN',
      'COMMIT',
    ].join('\n');
    const r = evaluateChain(unwrap(parseIptablesRestore(text)), 'filter', 'FORWARD', context(web), env(1));
    // B returns past A's "-j DROP" straight to FORWARD rule 2.
    expect(r.verdict).toBe('ACCEPT');
    expect(r.evaluated.map((e) => `${e.chain}:${e.position}:${e.verdict}`)).toEqual([
      'FORWARD:1:jump',
      'A:1:goto',
      'B:1:return',
      'FORWARD:2:accept',
    ]);
    const ret = evaluateChain(
      unwrap(parseIptablesRestore('*filter\n:INPUT DROP [0:0]\n-A INPUT -j RETURN\n-A INPUT -j ACCEPT\nCOMMIT')),
      'filter',
      'INPUT',
      context(web),
      env(1),
    );
    expect(ret.verdict).toBe('DROP');
  });

  it('DNAT without a port keeps the packet port; a rule without a target continues', () => {
    const text = '*nat\n-A PREROUTING -m comment --comment "count only"\n-A PREROUTING -j DNAT --to-destination 10.244.9.9\nCOMMIT';
    const r = evaluateChain(unwrap(parseIptablesRestore(text)), 'nat', 'PREROUTING', context(web), env(1));
    expect(r.packet).toMatchObject({ dstIp: '10.244.9.9', dstPort: 80 });
    expect(r.nat).toEqual({ kind: 'dnat', ip: '10.244.9.9', port: 80 });
    expect(r.evaluated[0]?.verdict).toBe('continue');
  });

  it('matches addrtype LOCAL and interfaces', () => {
    const text = [
      '*filter',
      ':INPUT DROP [0:0]',
      '-A INPUT ! -i cali+ -j DROP',
      '-A INPUT -m addrtype --dst-type LOCAL -j ACCEPT',
      'COMMIT',
    ].join('\n');
    const rs = unwrap(parseIptablesRestore(text));
    const toNode = packet('10.244.5.7', '192.168.0.2', 22);
    expect(evaluateChain(rs, 'filter', 'INPUT', context(toNode, { inInterface: 'cali123' }), env(1)).verdict).toBe('ACCEPT');
    expect(evaluateChain(rs, 'filter', 'INPUT', context(toNode, { inInterface: 'eth0' }), env(1)).verdict).toBe('DROP');
    const other = evaluateChain(rs, 'filter', 'INPUT', context(packet('10.244.5.7', '10.0.0.9', 22), { inInterface: 'cali1' }), env(1));
    expect(other.verdict).toBe('DROP');
    expect(detailOf(other.evaluated[1])).toBe('-m addrtype --dst-type LOCAL (10.0.0.9 is not local)');
  });

  it('accepts with no rules evaluated for a table the ruleset does not have', () => {
    const r = evaluateChain(rules, 'mangle', 'PREROUTING', context(web), env(1));
    expect(r).toMatchObject({ verdict: 'ACCEPT', evaluated: [], nat: null });
  });
});

describe('evaluateChain: ClientIP session affinity (-m recent)', () => {
  const client = packet('10.244.5.7', '10.96.0.55', 80);
  const first = evaluateChain(rules, 'nat', 'PREROUTING', context(client), env(7, { now: 1000 }));
  const sep = first.packet.dstIp === '10.244.3.1' ? 'KUBE-SEP-AFF1' : 'KUBE-SEP-AFF2';

  it('records the client in the chosen SEP list with --set', () => {
    expect(first.recent).toEqual({ [sep]: { '10.244.5.7': 1000 } });
    expect(first.evaluated.filter((e) => detailOf(e)!.startsWith('recent: 10.244.5.7 is not in'))).toHaveLength(2);
  });

  it('sends a second NEW packet from the same client to the same SEP through the --rcheck rule, whatever the seed', () => {
    for (let seed = 0; seed < 20; seed++) {
      const rng = countingRng(seed);
      const again = evaluateChain(rules, 'nat', 'PREROUTING', context(client), env(seed, { rng, now: 1000 + 3600, recent: first.recent }));
      expect(again.packet.dstIp).toBe(first.packet.dstIp);
      expect(rng.draws()).toBe(0);
      expect(detailOf(again.evaluated.find((e) => e.verdict === 'jump' && e.chain === 'KUBE-SVC-AFFINE'))).toBe(
        `${sep} (recent: 10.244.5.7 seen 3600s ago in ${sep})`,
      );
      expect(again.recent[sep]?.['10.244.5.7']).toBe(1000 + 3600);
    }
  });

  it('forgets the client after --seconds 10800 and load-balances again', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const late = evaluateChain(rules, 'nat', 'PREROUTING', context(client), env(seed, { now: 1000 + 10801, recent: first.recent }));
      expect(late.evaluated.some((e) => detailOf(e)!.includes('more than 10800s'))).toBe(true);
      seen.add(late.packet.dstIp);
    }
    expect(seen).toEqual(new Set(['10.244.3.1', '10.244.3.2']));
  });

  it('does not apply another client affinity', () => {
    const other = evaluateChain(
      rules,
      'nat',
      'PREROUTING',
      context(packet('10.244.6.1', '10.96.0.55', 80)),
      env(7, { recent: first.recent }),
    );
    expect(other.evaluated.filter((e) => detailOf(e)!.startsWith('recent: 10.244.6.1 is not in'))).toHaveLength(2);
  });
});

describe('-m set (ipsets, as kube-proxy uses them in IPVS mode)', () => {
  const text = [
    '*nat',
    ':PREROUTING ACCEPT [0:0]',
    ':KUBE-SERVICES - [0:0]',
    '-A PREROUTING -j KUBE-SERVICES',
    '-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT',
    '-A KUBE-SERVICES -j DROP',
    'COMMIT',
    '',
  ].join('\n');
  const ruleset = unwrap(parseIptablesRestore(text));
  const members = new Set(['10.96.0.10,tcp:80']);
  const ipsetMatches = (name: string, flags: string, p: StepPacket) =>
    name === 'KUBE-CLUSTER-IP' && flags === 'dst,dst' ? members.has(`${p.dstIp},${p.protocol}:${p.dstPort}`) : undefined;

  it.each([
    ['10.96.0.10', 80, 'ACCEPT'],
    ['10.96.0.10', 81, 'DROP'],
  ])('a packet to %s:%d is %s', (dst, port, verdict) => {
    const r = evaluateChain(ruleset, 'nat', 'PREROUTING', context(packet('10.244.1.2', dst, port)), { ...env(1), ipsetMatches });
    expect(r.verdict).toBe(verdict);
  });

  it('never matches a set the node does not have, and says so', () => {
    const r = evaluateChain(ruleset, 'nat', 'PREROUTING', context(packet('10.244.1.2', '10.96.0.10', 80)), env(1));
    expect(r.verdict).toBe('DROP');
    expect(detailOf(r.evaluated.find((e) => e.text.includes('--match-set')))).toContain('no such ipset');
  });
});
