import { describe, expect, it } from 'vitest';
import { traceNodeDump, type NodeOrigin, type NodeTraceResult } from '../../../src/node-trace';
import { detailOf } from '../english-detail';

/** One inet table, a chain per hook with these rules (the chain's name is its hook). */
const table = (chains: Readonly<Record<string, readonly string[]>>, type = 'filter'): string =>
  [
    'table inet t {',
    ...Object.entries(chains).flatMap(([hook, rules]) => [
      `\tchain ${hook} {`,
      `\t\ttype ${hook === 'postrouting' ? 'nat' : type} hook ${hook} priority ${hook === 'postrouting' ? 'srcnat' : '0'}; policy accept;`,
      ...rules.map((r) => `\t\t${r}`),
      '\t}',
    ]),
    '}',
  ].join('\n');

const trace = (text: string, origin: NodeOrigin = 'pod', dst = '10.96.0.10'): NodeTraceResult => {
  const r = traceNodeDump({
    text,
    packet: { src: origin === 'host' ? '192.168.0.11' : '10.244.1.2', dst, sport: 40000, dport: 80, protocol: 'tcp' },
    origin,
    facts: { localAddresses: ['192.168.0.11'], podInterface: 'veth1a2b' },
  });
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

/** Each rule's line and verdict, hook by hook. */
const verdicts = (t: NodeTraceResult): string[] => t.passes.flatMap((p) => p.rules.map((r) => `${p.hook} ${r.line} ${r.verdict}`));

describe('nft iifname, oifname, iif, oif: the devices the kernel hands each hook', () => {
  it("a pod's packet: its veth at PREROUTING (no out device yet), veth and eth0 at FORWARD, both at POSTROUTING", () => {
    const text = table({
      prerouting: ['iifname "veth*" counter', 'oifname "eth0" drop', 'oifname != "eth0" counter', 'iif "veth1a2b" counter'],
      forward: ['iifname { "cbr0", "veth*" } oifname "eth0" counter', 'oif != "eth0" drop'],
      postrouting: ['iifname "veth1a2b" oifname "eth0" masquerade'],
    });
    const t = trace(text);
    expect(verdicts(t)).toEqual([
      'PREROUTING 4 continue',
      // oifname before routing is "" (nft_meta_store_ifname): "eth0" does not match, != does.
      'PREROUTING 5 no-match',
      'PREROUTING 6 continue',
      'PREROUTING 7 continue',
      'FORWARD 11 continue',
      'FORWARD 12 no-match',
      // ip_output hands POSTROUTING the device a forwarded packet came in on.
      'POSTROUTING 16 masquerade',
    ]);
    expect(detailOf(t.passes[0]!.rules[1])).toBe('oifname "" is not eth0');
    expect(t.packetAfter.src).toBe('192.168.0.11');
  });

  it('a wildcard matches by prefix, a set holds names, != inverts; a name that differs does not match', () => {
    const t = trace(
      table({
        prerouting: ['iifname "cali*" drop', 'iifname != { "veth1a2b", "lo" } drop', 'iifname "veth1a2" drop', 'iifname "veth1a2b" accept'],
      }),
    );
    expect(verdicts(t).slice(0, 4)).toEqual([
      'PREROUTING 4 no-match',
      'PREROUTING 5 no-match',
      'PREROUTING 6 no-match',
      'PREROUTING 7 accept',
    ]);
  });

  it('a literal star (`"veth\\*"`: nft loads it as a full compare of "veth*") is not a wildcard', () => {
    const t = trace(table({ prerouting: ['iifname "veth\\*" drop', 'iifname "veth*" accept'] }));
    expect(verdicts(t)).toEqual(['PREROUTING 4 no-match', 'PREROUTING 5 accept']);
  });

  it('a packet the node sends has no in device: `iifname "lo"` does not match at OUTPUT, `iifname != "lo"` and `iif != "eth0"` do; its out device is the route\'s', () => {
    const t = trace(
      table({ output: ['iifname "lo" drop', 'iifname != "lo" counter', 'iif != "eth0" counter', 'oifname "eth0" counter'] }),
      'host',
    );
    expect(verdicts(t)).toEqual(['OUTPUT 4 no-match', 'OUTPUT 5 continue', 'OUTPUT 6 continue', 'OUTPUT 7 continue']);
  });

  it('from outside to the node itself: eth0 at PREROUTING and INPUT, no out device at INPUT', () => {
    const t = trace(table({ input: ['iifname "eth0" oifname != "lo" counter', 'oifname "lo" drop'] }), 'outside', '192.168.0.11');
    expect(verdicts(t)).toEqual(['INPUT 4 continue', 'INPUT 5 no-match']);
    expect(t.notes).toEqual([]);
  });
});
