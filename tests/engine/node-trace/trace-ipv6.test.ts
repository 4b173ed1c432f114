import { describe, expect, it } from 'vitest';
import { traceNodeDump, type NodeTraceInput, type NodeTraceResult } from '../../../src/node-trace';
import { fixture } from './node-dump-fixtures';
import { detailOf, inEnglish } from '../english-detail';

/** kube-proxy's IPv6 rules for the article's svc1 on vm1, as ip6tables-save printed them in a network namespace. */
const KUBE_PROXY_IPV6 = fixture('kube-proxy-ipv6.txt');
const NODE = ['192.168.0.11', 'fd00:192:168::11'];

const trace = (text: string, packet: Partial<NodeTraceInput['packet']>, extra: Partial<NodeTraceInput> = {}) =>
  traceNodeDump({
    text,
    packet: { src: 'fd00:10:244:1::2', dst: 'fd00:10:96::a', sport: 40000, dport: 80, protocol: 'tcp', ...packet },
    origin: 'pod',
    facts: { localAddresses: NODE },
    ...extra,
  });

const traced = (...args: Parameters<typeof trace>): NodeTraceResult => {
  const r = trace(...args);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('traceNodeDump: an IPv6 packet through ip6tables-save output', () => {
  it("pod to ClusterIP: KUBE-SERVICES, KUBE-SVC, KUBE-SEP's DNAT by its pasted line; the packet after NAT and its conntrack line", () => {
    const t = traced(KUBE_PROXY_IPV6, {});
    const nat = t.passes.find((p) => p.table === 'nat' && p.hook === 'PREROUTING')!;
    expect(nat.rules.map((r) => `${r.line} ${r.verdict}`)).toEqual([
      '40 jump',
      '51 jump',
      '53 no-match',
      '54 no-match',
      '55 jump',
      '49 no-match',
      '50 dnat',
    ]);
    // `! -s fd00:10:244::/56`: a pod's address is inside the cluster's prefix, so no KUBE-MARK-MASQ.
    expect(detailOf(nat.rules[2])).toBe('! -s fd00:10:244::/56');
    expect(inEnglish(t.decidingRule!)).toMatchObject({
      line: 50,
      verdict: 'dnat',
      detail: '--to-destination [fd00:10:244:2::3]:8080',
      text: '-A KUBE-SEP-YRAJEJUL42TPLY3Y -p tcp -m comment --comment "default/svc1:http" -m tcp -j DNAT --to-destination [fd00:10:244:2::3]:8080',
    });
    expect(KUBE_PROXY_IPV6.split('\n')[49]).toBe(t.decidingRule!.text);
    expect(t.packetAfter).toEqual({ src: 'fd00:10:244:1::2', dst: 'fd00:10:244:2::3', sport: 40000, dport: 8080, protocol: 'tcp' });
    // What `conntrack -L` printed for this connection in the namespace the fixture came from (no
    // `ipv6 10` column: that is `-o extended`), here before the SYN-ACK.
    expect(t.conntrack).toBe(
      'tcp      6 120 SYN_SENT src=fd00:10:244:1::2 dst=fd00:10:96::a sport=40000 dport=80 [UNREPLIED] src=fd00:10:244:2::3 dst=fd00:10:244:1::2 sport=8080 dport=40000 mark=0 use=1',
    );
    expect(t.verdict).toBe('ACCEPT');
  });

  it('reports the garbage line by number and the IPv6 match it does not model by name', () => {
    const t = traced(KUBE_PROXY_IPV6, {});
    expect(t.notes).toEqual([
      { line: 11, kind: 'not-modelled', name: '-m rt', code: 'match-not-modelled', params: { name: '-m rt', counted: 'not matching' } },
      { line: 26, kind: 'error', code: 'not-in-table', params: { text: 'root@vm1:~# ip6tables-save -t nat' } },
    ]);
  });

  it('reads addresses in any form and traces them canonical', () => {
    const t = traced(KUBE_PROXY_IPV6, { src: 'FD00:0010:0244:0001:0000:0000:0000:0002', dst: 'fd00:10:96:0:0:0:0:A' });
    expect(t.packetBefore).toMatchObject({ src: 'fd00:10:244:1::2', dst: 'fd00:10:96::a' });
    expect(t.decidingRule?.line).toBe(50);
  });

  it("kube-proxy's statistic rule sends some seeds to each endpoint", () => {
    const ends = new Set(Array.from({ length: 12 }, (_, seed) => traced(KUBE_PROXY_IPV6, {}, { seed: seed + 1 }).packetAfter.dst));
    expect([...ends].sort()).toEqual(['fd00:10:244:2::2', 'fd00:10:244:2::3']);
  });

  it("from outside the cluster's prefix: KUBE-MARK-MASQ, then MASQUERADE to the node's IPv6 address (not its IPv4 one)", () => {
    const t = traced(KUBE_PROXY_IPV6, { src: '2001:db8::5' }, { origin: 'outside' });
    const svc = t.passes[0]!.rules.find((r) => r.line === 53)!;
    expect(svc.verdict).toBe('jump');
    const post = t.passes.find((p) => p.table === 'nat' && p.hook === 'POSTROUTING')!;
    expect(post.rules.find((r) => r.decided)).toMatchObject({ line: 46, verdict: 'masquerade' });
    expect(t.packetAfter.src).toBe('fd00:192:168::11');
    expect(t.conntrack).toContain('[UNREPLIED] src=fd00:10:244:2::3 dst=fd00:192:168::11 sport=8080 dport=40000');
  });

  it("`-m addrtype --dst-type LOCAL` knows the node's IPv6 addresses (and `! -d ::1/128`)", () => {
    const toNode = traced(KUBE_PROXY_IPV6, { src: '2001:db8::5', dst: 'fd00:192:168::11', dport: 30080 }, { origin: 'outside' });
    expect(inEnglish(toNode.passes[0]!.rules.find((r) => r.line === 52))).toMatchObject({ verdict: 'jump', detail: 'KUBE-NODEPORTS' });
    expect(toNode.route).toEqual({ to: 'local', outInterface: 'lo' });
    const stranger = traced(
      KUBE_PROXY_IPV6,
      { src: '2001:db8::5', dst: 'fd00:192:168::11', dport: 30080 },
      { origin: 'outside', facts: { localAddresses: ['192.168.0.11'] } },
    );
    expect(inEnglish(stranger.passes[0]!.rules.find((r) => r.line === 52))).toMatchObject({
      verdict: 'no-match',
      detail: '-m addrtype --dst-type LOCAL (fd00:192:168::11 is not local)',
    });
  });

  it('routes by the IPv6 routes of the node facts', () => {
    const t = traced(
      KUBE_PROXY_IPV6,
      {},
      { facts: { localAddresses: NODE, routes: ['fd00:10:244:2::/64=flannel.1', '10.244.2.0/24=cbr0'] } },
    );
    expect(t.route).toEqual({ to: 'forward', outInterface: 'flannel.1' });
  });

  it.each([
    [
      'an IPv4 packet, a dump of ip6tables-save tables only',
      KUBE_PROXY_IPV6,
      { src: '10.244.1.2', dst: '10.96.0.10' },
      'no IPv4 raw, mangle, nat or filter table (iptables-save) found for an IPv4 packet: the dump has only ip6tables-save tables, give IPv6 addresses',
    ],
    [
      'an IPv6 packet, a dump of iptables-save tables only',
      fixture('kube-proxy-legacy.txt'),
      {},
      'no IPv6 raw, mangle, nat or filter table (ip6tables-save) found for an IPv6 packet: the dump has only iptables-save tables, give IPv4 addresses',
    ],
    [
      'a packet of two families',
      KUBE_PROXY_IPV6,
      { dst: '10.96.0.10' },
      'source fd00:10:244:1::2 and destination 10.96.0.10 are of different families: a packet is IPv4 or IPv6',
    ],
    [
      'an address that is not one',
      KUBE_PROXY_IPV6,
      { src: 'fd00::1::2' },
      'source: "fd00::1::2" is not an IPv6 address: "::" may appear only once',
    ],
  ])('%s: says so, no trace', (_, text, packet, error) => {
    expect(trace(text, packet)).toEqual({ ok: false, error });
  });
});

/** An nft ruleset with an ip, an ip6 and an inet table, each with a chain at prerouting. */
const NFT = [
  'table ip v4only {',
  '\tchain pre {',
  '\t\ttype nat hook prerouting priority dstnat; policy accept;',
  '\t\tip daddr 10.96.0.10 tcp dport 80 dnat to 10.244.2.3:8080',
  '\t}',
  '}',
  'table ip6 kube-proxy {',
  '\tset cluster-ips {',
  '\t\ttype ipv6_addr',
  '\t\telements = { fd00:10:96::a, fd00:10:96::b }',
  '\t}',
  '\tchain pre {',
  '\t\ttype nat hook prerouting priority dstnat; policy accept;',
  '\t\tip6 daddr != @cluster-ips return',
  '\t\tip6 saddr fd00:10:244::/56 ip6 daddr fd00:10:96::a tcp dport 80 dnat ip6 to [fd00:10:244:2::3]:8080',
  '\t}',
  '}',
  'table inet both {',
  '\tchain pre {',
  '\t\ttype filter hook prerouting priority -150; policy accept;',
  '\t\tmeta l4proto tcp counter',
  '\t}',
  '}',
].join('\n');

describe('traceNodeDump: an IPv6 packet through nft list ruleset output', () => {
  it('runs the ip6 and inet tables, not the ip one; `ip6 daddr` against a set of ipv6_addr; `dnat ip6 to [addr]:port`', () => {
    const t = traced(NFT, {});
    expect(t.passes.map((p) => p.nft!.table)).toEqual(['inet both', 'ip6 kube-proxy']);
    expect(t.passes[1]!.rules.map((r) => `${r.line} ${r.verdict}`)).toEqual(['14 no-match', '15 dnat']);
    expect(t.packetAfter).toMatchObject({ dst: 'fd00:10:244:2::3', dport: 8080 });
    expect(t.conntrack).toContain('src=fd00:10:244:1::2 dst=fd00:10:96::a sport=40000 dport=80 [UNREPLIED] src=fd00:10:244:2::3');
  });

  it('an IPv4 packet runs the ip and inet tables, not the ip6 one', () => {
    const t = traced(NFT, { src: '10.244.1.2', dst: '10.96.0.10' });
    expect(t.passes.map((p) => p.nft!.table)).toEqual(['inet both', 'ip v4only']);
    expect(t.packetAfter).toMatchObject({ dst: '10.244.2.3', dport: 8080 });
  });

  it('in an inet table, `dnat ip to` leaves an IPv6 packet as it is and the rule goes on; `dnat ip6 to` takes it', () => {
    const text = [
      'table inet nat {',
      '\tchain pre {',
      '\t\ttype nat hook prerouting priority dstnat; policy accept;',
      '\t\ttcp dport 80 dnat ip to 10.244.2.3:8080',
      '\t\ttcp dport 80 dnat ip6 to [fd00:10:244:2::3]:8080',
      '\t}',
      '}',
    ].join('\n');
    const v6 = traced(text, {});
    expect(v6.passes[0]!.rules.map((r) => `${r.line} ${r.verdict}`)).toEqual(['4 continue', '5 dnat']);
    expect(detailOf(v6.passes[0]!.rules[0])).toContain('dnat to 10.244.2.3:8080: not for an IPv6 packet');
    expect(v6.packetAfter.dst).toBe('fd00:10:244:2::3');
    const v4 = traced(text, { src: '10.244.1.2', dst: '10.96.0.10' });
    expect(v4.decidingRule).toMatchObject({ line: 4, verdict: 'dnat' });
    expect(v4.packetAfter.dst).toBe('10.244.2.3');
  });

  it("`ip6 daddr != @cluster-ips return`: an address outside the set leaves kube-proxy's chain", () => {
    const t = traced(NFT, { dst: 'fd00:10:96::c' });
    expect(t.passes[1]!.rules.map((r) => `${r.line} ${r.verdict}`)).toEqual(['14 return']);
    expect(t.packetAfter.dst).toBe('fd00:10:96::c');
  });

  it("kube-proxy's nftables IPv6 table as the kernel listed it: the ClusterIP packet DNATed by its line; the distro's forward chain accepts it by its devices; the garbage line and meta pkttype reported", () => {
    const text = fixture('nft-kube-proxy-ipv6.txt');
    const t = traced(text, {}, { facts: { localAddresses: NODE, podInterface: 'veth1a2b' } });
    expect(t.decidingRule).toMatchObject({ line: 62, verdict: 'dnat', nftTable: 'ip6 kube-proxy' });
    expect(text.split('\n')[61]!.trim()).toBe(t.decidingRule!.text);
    expect(t.packetAfter).toMatchObject({ dst: 'fd00:10:244:2::3', dport: 8080 });
    const forward = t.passes.find((p) => p.nft?.table === 'inet filter')!;
    expect(forward.rules.find((r) => r.decided)).toMatchObject({ line: 6, verdict: 'accept' });
    expect(t.verdict).toBe('ACCEPT');
    expect(t.notes).toEqual([
      {
        line: 5,
        kind: 'not-modelled',
        name: 'meta pkttype',
        code: 'match-not-modelled',
        params: { name: 'meta pkttype', counted: 'not matching' },
      },
      { line: 9, kind: 'error', code: 'not-nft', params: { text: 'root@vm1:~# nft -a list ruleset | tail -n +9' } },
    ]);
    // From a Calico interface the distro's forward chain has no rule for it: its policy drops.
    const cali = traced(text, {}, { facts: { localAddresses: NODE, podInterface: 'cali1234' } });
    expect(cali.verdict).toBe('DROP');
    expect(cali.passes.find((p) => p.nft?.table === 'inet filter')).toMatchObject({ verdict: 'DROP', byPolicy: true });
  });

  it("kube-proxy's ip6 table of a dual-stack node accepts the ClusterIP packet on its pasted line", () => {
    const t = traced(fixture('nft-kube-proxy.txt'), {});
    const kube = t.passes.find((p) => p.nft?.table === 'ip6 kube-proxy')!;
    expect(kube.rules.find((r) => r.decided)).toMatchObject({
      line: 171,
      verdict: 'accept',
      text: 'ip6 daddr @cluster-ips counter packets 0 bytes 0 accept # handle 5',
    });
    expect(t.passes.every((p) => p.nft!.table !== 'ip kube-proxy')).toBe(true);
  });
});
