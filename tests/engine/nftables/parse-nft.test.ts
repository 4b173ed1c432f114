import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printNftList, printNftTransaction } from '../../../src/kube-proxy/nftables';
import { unwrap } from '../../../src/net/result';
import { parseNft, type NftRuleset, type NftRulesetTable } from '../../../src/nftables';
import { LIST_SCENARIOS } from '../kube-proxy/nftables/list-scenarios';
import { corpusCase } from '../kube-proxy/nftables/nftables-corpus';

const only = (r: NftRuleset): NftRulesetTable => {
  expect(r.tables).toHaveLength(1);
  return r.tables[0]!;
};
const parsed = (text: string): NftRulesetTable => only(unwrap(parseNft(text)));
const fixture = (name: string): string =>
  readFileSync(new URL(`../kube-proxy/nftables/fixtures/${name}.nft-list.txt`, import.meta.url), 'utf8');

describe('parseNft: both forms round trip with the generator printers', () => {
  it.each(Object.entries(LIST_SCENARIOS))('%s: the nft -f transaction parses and prints back byte for byte', (_name, build) => {
    const text = printNftTransaction(build());
    expect(printNftTransaction(parsed(text))).toBe(text);
  });

  it.each(Object.entries(LIST_SCENARIOS))('%s: nft list output parses and prints back byte for byte', (_name, build) => {
    const text = printNftList(build());
    expect(printNftList(parsed(text))).toBe(text);
  });

  it.each([['overall'], ['ipv4-mixed'], ['ipv6-mixed']])(
    "reads the listing a real kernel's nft printed (%s) and prints it back",
    (name) => {
      const text = fixture(name);
      expect(printNftList(parsed(text))).toBe(text);
    },
  );

  it('reads the same chains, sets and elements from both forms of one table', () => {
    const table = LIST_SCENARIOS['ipv4-mixed']!();
    const fromTx = parsed(printNftTransaction(table));
    const fromList = parsed(printNftList(table));
    const shape = (t: NftRulesetTable) => ({
      chains: t.chains.map((c) => [c.name, c.base?.priority ?? null, c.rules.length]),
      sets: t.sets.map((s) => [s.name, s.keyType.join(' . '), s.timeoutSeconds ?? null, s.elements.map((e) => e.key.join(' . ')).sort()]),
    });
    expect(shape(fromList)).toEqual(shape(fromTx));
  });

  it("reads kube-proxy's own expected dump in the tests' order, where rules name chains declared later", () => {
    const t = parsed(corpusCase('TestOverallNFTablesRules').expected!.nftDump!);
    expect(t.chains.find((c) => c.name === 'services')?.rules.map((r) => r.text)).toEqual([
      'ip daddr . meta l4proto . th dport vmap @service-ips',
      'ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports',
    ]);
    expect(t.sets.find((s) => s.name === 'no-endpoint-services')?.elements).toContainEqual({
      key: ['172.30.0.46', 'tcp', '80'],
      comment: 'ns6/svc6:p80',
      value: 'goto reject-chain',
    });
  });
});

describe('parseNft: declarations', () => {
  it.each([
    ['priority -110', -110],
    ['priority dstnat - 10', -110],
    ['priority dstnat', -100],
    ['priority srcnat', 100],
    ['priority filter + 5', 5],
    ['priority raw', -300],
  ])('reads a base chain at %s as %i', (priority, value) => {
    const t = parsed(`table ip t {\n\tchain c {\n\t\ttype filter hook prerouting ${priority}; policy drop;\n\t}\n}\n`);
    expect(t.chains[0]?.base).toEqual({ type: 'filter', hook: 'prerouting', priority: value, policy: 'drop' });
  });

  it('reads a set with a concatenated interval key, its flags and timeout, and elements with timeouts and expiry', () => {
    const t = parsed(
      [
        'add table ip t',
        'add set ip t allow { type ipv4_addr . inet_proto . inet_service . ipv4_addr ; flags interval ; comment "allowed" ; }',
        'add element ip t allow { 5.6.7.8 . tcp . 80 . 203.0.113.0/25 }',
        'add set ip t aff { type ipv4_addr ; flags dynamic,timeout ; timeout 3h ; }',
        'add element ip t aff { 10.0.0.2 timeout 1m30s expires 1m }',
      ].join('\n'),
    );
    expect(t.sets[0]).toMatchObject({
      keyType: ['ipv4_addr', 'inet_proto', 'inet_service', 'ipv4_addr'],
      flags: ['interval'],
      comment: 'allowed',
    });
    expect(t.sets[0]?.elements[0]?.key).toEqual(['5.6.7.8', 'tcp', '80', '203.0.113.0/25']);
    expect(t.sets[1]).toMatchObject({ flags: ['dynamic', 'timeout'], timeoutSeconds: 10800 });
    expect(t.sets[1]?.elements[0]).toEqual({ key: ['10.0.0.2'], timeoutSeconds: 90, expiresSeconds: 60 });
  });

  it('applies flush and delete as nft does: flushed chains stay empty, deleted objects go', () => {
    const t = parsed(
      [
        'add table ip t',
        'add chain ip t a',
        'add chain ip t stale',
        'add rule ip t stale drop',
        'add map ip t m { type inet_proto . inet_service : verdict ; }',
        'add element ip t m { tcp . 80 : goto a }',
        'add element ip t m { tcp . 81 : drop }',
        'flush chain ip t stale',
        'delete chain ip t stale',
        'delete element ip t m { tcp . 81 }',
      ].join('\n'),
    );
    expect(t.chains.map((c) => c.name)).toEqual(['a']);
    expect(t.sets[0]?.elements.map((e) => e.value)).toEqual(['goto a']);
  });

  it('adds an element or a chain once, and flush ruleset empties everything', () => {
    const t = parsed(
      'add table ip t\nadd set ip t s { type ipv4_addr ; }\nadd element ip t s { 10.0.0.1 }\nadd element ip t s { 10.0.0.1 }',
    );
    expect(t.sets[0]?.elements).toHaveLength(1);
    expect(unwrap(parseNft('add table ip t\nflush ruleset')).tables).toEqual([]);
  });
});

describe('parseNft: errors name the line', () => {
  it.each([
    ['add table ip t\nadd rule ip t nowhere drop', /^line 2: no chain nowhere in table ip t$/],
    [
      'add table ip t\nadd chain ip t c\n\nadd rule ip t c ip daddr frobnicate',
      /^line 4: "frobnicate" is not a value of ip daddr \(ipv4_addr\)$/,
    ],
    ['add table ip t\nadd chain ip t c\nadd rule ip t c numgen inc mod 2', /^line 3: numgen inc: only "numgen random mod N" is modelled$/],
    ['add table ip t\nadd chain ip t c { type route hook output priority 0 ; }', /^line 2: chain type "route" is not modelled/],
    ['add table inet t', /^line 1: add table: the family must be ip or ip6/],
    ['add table ip t\nadd chain ip t c\nadd rule ip t c drop\ndelete chain ip t c', /^line 4: chain c is not empty/],
    ['add table ip t\nadd chain ip t c\ncreate chain ip t c', /^line 3: chain c already exists$/],
    [
      'add table ip t\nadd set ip t s { type ipv4_addr ; }\nadd element ip t s { 10.0.0.1 : drop }',
      /^line 3: set s: "10.0.0.1" cannot have a ": value"$/,
    ],
    ['add table ip t\nadd map ip t m { type ipv4_addr ; }', /^line 2: a map needs "type KEY : VALUE"$/],
    ['add table ip t\nadd set ip t s { type ipv4_addr ; }\nadd element ip t s { fd00::1 }', /^line 3: s: "fd00::1" is not a ipv4_addr$/],
    [
      'add table ip t\nadd chain ip t c\nadd rule ip t c numgen random mod 2 vmap { 0 : drop , x : drop }',
      /^line 3: "x" is not a value of numgen/,
    ],
    ['table ip t {\n\tchain c {\n\t\tip saddr 10.0.0.1 frob\n\t}\n}', /^line 3: cannot read "frob"$/],
    ['table ip t {\n\tset s {\n\t\ttype ipv4_addr\n\t\telements = { 10.0.0.1,\n', /^line 4: a "\{" is not closed$/],
    ['table ip t {\n\tchain c {\n', /^line 3: the chain block is not closed with "\}"$/],
    ['add table ip t { comment "open', /^line 1: a quoted string is not closed$/],
    ['list ruleset', /^line 1: "list" is not a command this parser reads/],
  ])('%j', (text, message) => {
    const r = parseNft(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});
