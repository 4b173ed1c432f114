import { describe, expect, it } from 'vitest';
import { evaluateNftHook } from '../../../src/nftables';
import { env, load, oneRule, packet, program } from './nft-fixtures';
import { detailOf, inEnglish } from '../english-detail';

const verdictOf = (rule: string, ctx = packet()) => evaluateNftHook(oneRule(rule), 'prerouting', ctx, env()).verdict;

describe('evaluateNftHook: matches', () => {
  it.each([
    ['ip daddr 172.30.0.41 drop', 'drop'],
    ['ip daddr 172.30.0.42 drop', 'accept'],
    ['ip daddr != 172.30.0.42 drop', 'drop'],
    ['ip saddr 10.0.0.0/8 drop', 'drop'],
    ['ip saddr != 10.0.0.0/8 drop', 'accept'],
    ['ip daddr { 172.30.0.0/16 } drop', 'drop'],
    ['ip saddr != { 203.0.113.0/25, 10.1.0.0/16 } drop', 'drop'],
    ['ip saddr != { 203.0.113.0/25, 10.0.0.0/16 } drop', 'accept'],
    ['ip6 daddr fd00::1 drop', 'accept'],
    ['meta l4proto tcp drop', 'drop'],
    ['meta l4proto udp drop', 'accept'],
    ['th dport 80 drop', 'drop'],
    ['tcp dport 80 drop', 'drop'],
    ['udp dport 80 drop', 'accept'],
    ['th dport 30000-32767 drop', 'accept'],
    ['fib daddr type local drop', 'accept'],
    ['ct state new drop', 'drop'],
    ['ct state established,related drop', 'accept'],
    ['ct status dnat drop', 'accept'],
    ['meta mark & 0x00004000 == 0x00000000 drop', 'drop'],
    ['mark and 0x4000 == 0 drop', 'drop'],
    ['counter drop', 'drop'],
    ['reject', 'reject'],
    ['accept', 'accept'],
  ])('%s: %s for pod 10.0.0.2 -> 172.30.0.41:80 tcp, new, unmarked', (rule, verdict) => {
    expect(verdictOf(rule)).toBe(verdict);
  });

  it('sees fib daddr type local, ct status dnat and a mark as the node and conntrack say', () => {
    expect(verdictOf('fib daddr type local drop', packet({ daddr: '192.168.0.2' }))).toBe('drop');
    expect(verdictOf('ct status dnat drop', packet({}, { ctStatus: ['confirmed', 'dnat'] }))).toBe('drop');
    expect(verdictOf('meta mark & 0x00004000 == 0x00000000 drop', packet({}, { mark: 0x4000 }))).toBe('accept');
  });

  it('reads ip6 addresses in an ip6 table', () => {
    const p = load(
      'add table ip6 t\nadd chain ip6 t c { type filter hook input priority 0 ; }\nadd rule ip6 t c ip6 daddr fd00:10::/64 reject',
    );
    const r = evaluateNftHook(p, 'input', packet({ family: 'ip6', saddr: '2001:db8::9', daddr: 'fd00:10::5' }), env());
    expect(r.verdict).toBe('reject');
    // An IPv4 packet never meets an ip6 table's chains.
    expect(evaluateNftHook(p, 'input', packet(), env()).chains).toEqual([]);
  });
});

describe('evaluateNftHook: marks and masquerade (kube-proxy mark-for-masquerade and masquerading)', () => {
  const masq = program(
    'add chain ip t nat-prerouting { type nat hook prerouting priority -100 ; }',
    'add chain ip t nat-postrouting { type nat hook postrouting priority 100 ; }',
    'add chain ip t mark-for-masquerade',
    'add chain ip t masquerading',
    'add rule ip t nat-prerouting ip saddr != 10.0.0.0/8 jump mark-for-masquerade',
    'add rule ip t mark-for-masquerade mark set mark or 0x4000',
    'add rule ip t nat-postrouting jump masquerading',
    'add rule ip t masquerading mark and 0x4000 == 0 return',
    'add rule ip t masquerading mark set mark xor 0x4000',
    'add rule ip t masquerading masquerade fully-random',
  );

  it('marks an off-cluster client, then masquerades it fully-random at postrouting and clears the mark', () => {
    const pre = evaluateNftHook(masq, 'prerouting', packet({ saddr: '203.0.113.2' }), env());
    expect(pre.mark).toBe(0x4000);
    const post = evaluateNftHook(masq, 'postrouting', packet({ saddr: '203.0.113.2' }, { mark: pre.mark }), env());
    expect(post.mark).toBe(0);
    expect(post.chains[0]?.nat).toEqual({ kind: 'masquerade', flags: ['fully-random'] });
    expect(post.evaluated.at(-1)).toMatchObject({ chain: 'masquerading', verdict: 'masquerade', decided: true });
  });

  it('leaves a pod client unmarked and unmasqueraded (the return in masquerading)', () => {
    const post = evaluateNftHook(masq, 'postrouting', packet(), env());
    expect(post.chains[0]?.nat).toBeNull();
    expect(post.evaluated.map((r) => r.verdict)).toEqual(['jump', 'return']);
  });

  it('reads meta mark set in both spellings: or, xor, and, and a plain value', () => {
    const marks = (rule: string, mark: number) => evaluateNftHook(oneRule(rule), 'prerouting', packet({}, { mark }), env()).mark;
    expect(marks('meta mark set meta mark | 0x00004000', 1)).toBe(0x4001);
    expect(marks('meta mark set meta mark ^ 0x00004000', 0x4001)).toBe(1);
    expect(marks('mark set mark and 0xff', 0x4001)).toBe(1);
    expect(marks('meta mark set 0x7', 0x4001)).toBe(7);
  });
});

describe('evaluateNftHook: chains and hooks', () => {
  it('follows jump (back after return or the end of the chain) and goto (no way back)', () => {
    const p = program(
      'add chain ip t base { type filter hook input priority 0 ; policy drop ; }',
      'add chain ip t a',
      'add chain ip t b',
      'add rule ip t base jump a',
      'add rule ip t base goto b',
      'add rule ip t base accept',
      'add rule ip t a return',
      'add rule ip t b counter',
    );
    const r = evaluateNftHook(p, 'input', packet(), env());
    expect(r.evaluated.map((e) => `${e.chain}#${e.position} ${e.verdict}`)).toEqual([
      'base#1 jump',
      'a#1 return',
      'base#2 goto',
      'b#1 continue',
    ]);
    // The end of b, reached by goto, ends the base chain: its policy drops.
    expect(r.verdict).toBe('drop');
  });

  it('runs base chains by priority: an accept ends only its chain, a DNAT rewrites what later chains see, a drop ends the hook', () => {
    const p = program(
      'add chain ip t late { type filter hook prerouting priority 0 ; }',
      'add chain ip t nat { type nat hook prerouting priority dstnat ; }',
      'add chain ip t early { type filter hook prerouting priority dstnat - 10 ; }',
      'add rule ip t late ip daddr 10.180.0.1 th dport 8080 drop',
      'add rule ip t nat meta l4proto tcp dnat to 10.180.0.1:8080',
      'add rule ip t early accept',
    );
    const r = evaluateNftHook(p, 'prerouting', packet(), env());
    expect(r.chains.map((c) => [c.chain, c.priority, c.verdict])).toEqual([
      ['early', -110, 'accept'],
      ['nat', -100, 'accept'],
      ['late', 0, 'drop'],
    ]);
    expect(r.packet).toMatchObject({ daddr: '10.180.0.1', dport: 8080 });
    expect(r.verdict).toBe('drop');
  });
});

describe('evaluateNftHook: maps, sets and numgen', () => {
  const services = program(
    'add chain ip t nat-prerouting { type nat hook prerouting priority -100 ; }',
    'add chain ip t svc',
    'add chain ip t ep0',
    'add chain ip t ep1',
    'add map ip t service-ips { type ipv4_addr . inet_proto . inet_service : verdict ; }',
    'add element ip t service-ips { 172.30.0.41 . tcp . 80 : goto svc }',
    'add rule ip t nat-prerouting ip daddr . meta l4proto . th dport vmap @service-ips',
    'add rule ip t nat-prerouting counter',
    'add rule ip t svc numgen random mod 2 vmap { 0 : goto ep0 , 1 : goto ep1 }',
    'add rule ip t ep0 meta l4proto tcp dnat to 10.180.0.1:80',
    'add rule ip t ep1 meta l4proto tcp dnat to 10.180.0.2:80',
  );

  it('looks the destination up in a verdict map on a concatenation and reports the key, the element and its verdict', () => {
    const r = evaluateNftHook(services, 'prerouting', packet(), env({ numgen: () => 1 }));
    expect(r.evaluated[0]).toMatchObject({
      chain: 'nat-prerouting',
      verdict: 'goto',
      lookups: [{ set: 'service-ips', key: '172.30.0.41 . tcp . 80', element: '172.30.0.41 . tcp . 80', value: 'goto svc' }],
    });
    expect(inEnglish(r.evaluated[1])).toMatchObject({
      chain: 'svc',
      verdict: 'goto',
      detail: expect.stringContaining('numgen random mod 2 = 1'),
    });
    expect(r.evaluated[1]?.lookups[0]).toMatchObject({ key: '1', element: '1', value: 'goto ep1' });
    expect(r.chains[0]?.nat).toEqual({ kind: 'dnat', ip: '10.180.0.2', port: 80 });
  });

  it('goes on to the next rule when the map has no element for the key', () => {
    const r = evaluateNftHook(services, 'prerouting', packet({ dport: 81 }), env());
    expect(r.evaluated.map((e) => [e.verdict, detailOf(e)])).toEqual([
      ['no-match', 'no element 172.30.0.41 . tcp . 81 in @service-ips'],
      ['continue', 'no verdict: the next rule follows'],
    ]);
    expect(r.evaluated[0]?.lookups).toEqual([{ set: 'service-ips', key: '172.30.0.41 . tcp . 81', element: null }]);
  });

  it('finds a key in a set of prefixes on a concatenation (interval flag)', () => {
    const p = program(
      'add chain ip t c { type filter hook prerouting priority 0 ; }',
      'add set ip t allow { type ipv4_addr . inet_proto . inet_service . ipv4_addr ; flags interval ; }',
      'add element ip t allow { 172.30.0.41 . tcp . 80 . 10.0.0.0/8 }',
      'add rule ip t c ip daddr . meta l4proto . th dport . ip saddr @allow accept',
      'add rule ip t c drop',
    );
    const ok = evaluateNftHook(p, 'prerouting', packet(), env());
    expect(ok.verdict).toBe('accept');
    expect(ok.evaluated[0]?.lookups[0]?.element).toBe('172.30.0.41 . tcp . 80 . 10.0.0.0/8');
    expect(evaluateNftHook(p, 'prerouting', packet({ saddr: '203.0.113.2' }), env()).verdict).toBe('drop');
  });

  it('keeps a client in an affinity set for its timeout: update adds it, later packets match it until it expires', () => {
    const p = program(
      'add chain ip t nat { type nat hook prerouting priority -100 ; }',
      'add chain ip t ep1',
      'add set ip t aff { type ipv4_addr ; flags dynamic,timeout ; timeout 10800s ; }',
      'add rule ip t nat ip saddr @aff goto ep1',
      'add rule ip t nat numgen random mod 2 vmap { 0 : accept , 1 : goto ep1 }',
      'add rule ip t ep1 update @aff { ip saddr }',
      'add rule ip t ep1 meta l4proto tcp dnat to 10.180.0.2:80',
    );
    const first = evaluateNftHook(p, 'prerouting', packet(), env({ numgen: () => 1, now: 100 }));
    expect(first.dynamicSets).toEqual({ 'ip t aff': [{ key: ['10.0.0.2'], expires: 10900 }] });
    expect(first.evaluated[0]).toMatchObject({ verdict: 'no-match', lookups: [{ set: 'aff', key: '10.0.0.2', element: null }] });
    // numgen would now say 0 (accept, no DNAT), but the client is remembered.
    const again = evaluateNftHook(p, 'prerouting', packet(), env({ now: 10899, dynamicSets: first.dynamicSets }));
    expect(again.evaluated[0]).toMatchObject({ verdict: 'goto', lookups: [{ element: '10.0.0.2' }] });
    expect(again.packet.daddr).toBe('10.180.0.2');
    expect(again.dynamicSets['ip t aff']).toEqual([{ key: ['10.0.0.2'], expires: 21699 }]);
    const expired = evaluateNftHook(p, 'prerouting', packet(), env({ now: 10900, dynamicSets: first.dynamicSets }));
    expect(expired.evaluated[0]?.verdict).toBe('no-match');
    expect(expired.packet.daddr).toBe('172.30.0.41');
  });
});
