import { describe, expect, it } from 'vitest';
import { traceNodeDump } from '../../../src/node-trace';
import { fixture, podToClusterIp } from './node-dump-fixtures';
import { inEnglish } from '../english-detail';

describe('traceNodeDump over real dumps', () => {
  it.each([
    { file: 'kube-proxy-legacy.txt', garbage: 35, unknown: '-m u32', unknownLine: 62 },
    { file: 'kube-proxy-nft.txt', garbage: 66, unknown: '-m tcp --tcp-flags', unknownLine: 18 },
    { file: 'calico-counters.txt', garbage: 108, unknown: '-m rpfilter', unknownLine: 14 },
    { file: 'cilium-chaining.txt', garbage: 28, unknown: '-m socket', unknownLine: 27 },
    { file: 'docker-counters.txt', garbage: 36, unknown: '-m owner', unknownLine: 96 },
    { file: 'dual-stack.txt', garbage: 66, unknown: '-m tcp --tcp-flags', unknownLine: 18 },
    { file: 'nft-kube-proxy.txt', garbage: 18, unknown: 'log', unknownLine: 7 },
    { file: 'nft-docker-calico.txt', garbage: 44, unknown: 'xt match rpfilter', unknownLine: 16 },
  ])(
    '$file: the ClusterIP packet is DNATed to svc1 by the rule on its pasted line; line $garbage is an error, $unknown not modelled',
    (c) => {
      const text = fixture(c.file);
      const t = podToClusterIp(text);
      const nft = c.file.startsWith('nft-');
      expect(t.kind).toBe(nft ? 'nftables' : 'iptables');
      expect(t.verdict).toBe('ACCEPT');
      expect(t.packetAfter.dst).toMatch(/^10\.244\.2\.[23]$/);
      expect(t.packetAfter.dport).toBe(8080);
      const dnat = t.decidingRule!;
      expect(dnat.verdict).toBe('dnat');
      // The line number points at the pasted line (counters and indentation aside).
      const pasted = text
        .split('\n')
        [dnat.line - 1]!.replace(/^\[\d+:\d+\] /, '')
        .trim();
      expect(pasted).toBe(dnat.text);
      expect(pasted).toContain(`${nft ? 'dnat to' : '-j DNAT --to-destination'} ${t.packetAfter.dst}:8080`);
      expect(t.conntrack).toBe(
        `tcp      6 120 SYN_SENT src=10.244.1.2 dst=10.96.0.10 sport=40000 dport=80 [UNREPLIED] src=${t.packetAfter.dst} dst=10.244.1.2 sport=8080 dport=40000 mark=0 use=1`,
      );
      expect(t.notes).toContainEqual(expect.objectContaining({ line: c.garbage, kind: 'error' }));
      expect(t.notes).toContainEqual(expect.objectContaining({ line: c.unknownLine, kind: 'not-modelled', name: c.unknown }));
    },
  );

  it('walks the hooks in the kernel order for a forwarded packet: raw, mangle, nat PREROUTING, then FORWARD, then POSTROUTING', () => {
    const t = podToClusterIp(fixture('calico-counters.txt'));
    expect(t.passes.map((p) => `${p.table} ${p.hook}`)).toEqual([
      'raw PREROUTING',
      'mangle PREROUTING',
      'nat PREROUTING',
      'mangle FORWARD',
      'filter FORWARD',
      'mangle POSTROUTING',
      'nat POSTROUTING',
    ]);
    expect(t.route).toEqual({ to: 'forward', outInterface: 'eth0' });
  });

  it("Calico: from the pod's cali interface, the profile's mark makes cali-FORWARD accept, and the ipsets keep the pod-to-pod packet from MASQUERADE", () => {
    const t = podToClusterIp(fixture('calico-counters.txt'), {
      facts: { localAddresses: ['192.168.0.11'], podInterface: 'cali12d4a061371', ipsetSave: fixture('calico-ipsets.txt') },
    });
    const filter = t.passes.find((p) => p.table === 'filter')!;
    expect(filter.rules.find((r) => r.decided)).toMatchObject({ line: 128, verdict: 'accept', chain: 'cali-FORWARD' });
    const nat = t.passes.find((p) => p.table === 'nat' && p.hook === 'POSTROUTING')!;
    expect(inEnglish(nat.rules.find((r) => r.line === 82))).toMatchObject({
      verdict: 'no-match',
      detail: expect.stringContaining('(a member)'),
    });
    expect(t.packetAfter.src).toBe('10.244.1.2');
  });

  it('a dual-stack dump traces each family through its own tables: iptables-save for IPv4, ip6tables-save for IPv6', () => {
    const text = fixture('dual-stack.txt');
    const v4 = podToClusterIp(text);
    expect(v4.notes.filter((n) => n.kind === 'info')).toEqual([]);
    // Every rule the IPv4 packet met is above line 81, where ip6tables-nft-save's output starts.
    expect(Math.max(...v4.passes.flatMap((p) => p.rules.map((r) => r.line)))).toBeLessThan(81);
    const r = traceNodeDump({
      text,
      packet: { src: 'fd00:10:244:1::2', dst: 'fd00:10:96::a', sport: 40000, dport: 80, protocol: 'tcp' },
      origin: 'pod',
      facts: { localAddresses: ['192.168.0.11'] },
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.passes.flatMap((p) => p.rules.map((r) => r.line)).every((line) => line > 81)).toBe(true);
    expect(inEnglish(r.value.decidingRule!)).toMatchObject({
      line: 100,
      verdict: 'dnat',
      detail: '--to-destination [fd00:10:244:2::2]:8080',
    });
  });
});

const tiny = (filter: string, nat = '', raw = ''): string =>
  `*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n${raw}COMMIT\n*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n${nat}COMMIT\n*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n${filter}COMMIT\n`;

describe('traceNodeDump, the walk', () => {
  it('a not-modelled match counts as not matching, unless its line is listed as matching', () => {
    const text = tiny('-A FORWARD -m physdev --physdev-is-bridged -j DROP\n');
    expect(podToClusterIp(text).verdict).toBe('ACCEPT');
    const assumed = podToClusterIp(text, { assumeMatching: [15] });
    expect(assumed.verdict).toBe('DROP');
    expect(assumed.decidingRule).toMatchObject({ line: 15, verdict: 'drop' });
    expect(assumed.notes).toContainEqual({
      line: 15,
      kind: 'not-modelled',
      name: '-m physdev',
      code: 'match-not-modelled',
      params: { name: '-m physdev', counted: 'matching' },
    });
    expect(assumed.conntrack).toBeNull();
  });

  it('REJECT stops the walk: no POSTROUTING, no conntrack entry', () => {
    const t = podToClusterIp(tiny('-A FORWARD -d 10.96.0.10/32 -p tcp -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable\n'));
    expect(t.verdict).toBe('REJECT');
    expect(t.passes.map((p) => p.hook)).not.toContain('POSTROUTING');
    expect(t.decidingRule?.line).toBe(15);
  });

  it('-j CT --notrack in raw leaves the packet untracked: nat is skipped and no conntrack entry is made', () => {
    const t = podToClusterIp(
      tiny('', '-A PREROUTING -p tcp -j DNAT --to-destination 10.244.2.2:8080\n', '-A PREROUTING -p tcp -j CT --notrack\n'),
    );
    expect(t.passes.some((p) => p.table === 'nat')).toBe(false);
    expect(t.packetAfter.dst).toBe('10.96.0.10');
    expect(t.conntrack).toBeNull();
  });

  it('from the host: OUTPUT DNATs, POSTROUTING MASQUERADEs to the first local address', () => {
    const nat =
      '-A OUTPUT -d 10.96.0.10/32 -p tcp -m tcp --dport 80 -j DNAT --to-destination 10.244.2.2:8080\n-A POSTROUTING -j MASQUERADE\n';
    const t = traceNodeDump({
      text: tiny('', nat),
      packet: { src: '192.168.0.11', dst: '10.96.0.10', sport: 5000, dport: 80, protocol: 'tcp' },
      origin: 'host',
      facts: { localAddresses: ['192.168.0.11'] },
    });
    if (!t.ok) throw new Error(t.error);
    expect(t.value.passes.map((p) => `${p.table} ${p.hook}`)).toEqual(['raw OUTPUT', 'nat OUTPUT', 'filter OUTPUT', 'nat POSTROUTING']);
    expect(t.value.packetAfter).toEqual({ src: '192.168.0.11', dst: '10.244.2.2', sport: 5000, dport: 8080, protocol: 'tcp' });
  });

  it('refuses text without any table', () => {
    const r = traceNodeDump({
      text: 'hello\n',
      packet: { src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, protocol: 'udp' },
      origin: 'pod',
      facts: { localAddresses: [] },
    });
    expect(r).toEqual({
      ok: false,
      error: 'no table found: paste iptables-save output (it starts with *filter, *nat...) or nft list ruleset output',
    });
  });

  it('refuses an nft ruleset with only ip6 tables: the IPv4 packet has no chain to meet', () => {
    const r = traceNodeDump({
      text: 'table ip6 kube-proxy {\n\tchain services {\n\t}\n}\n',
      packet: { src: '10.0.0.1', dst: '10.0.0.2', sport: 1, dport: 2, protocol: 'udp' },
      origin: 'pod',
      facts: { localAddresses: [] },
    });
    expect(r).toEqual({ ok: false, error: 'no ip or inet table found for an IPv4 packet: its tables are IPv6, give IPv6 addresses' });
  });
});
