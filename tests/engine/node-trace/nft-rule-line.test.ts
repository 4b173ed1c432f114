import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/net/result';
import { tokenizeNft } from '../../../src/nftables/tokenize';
import { readNftRuleLine } from '../../../src/node-trace/nft-rule-line';

const read = (text: string, assumed = false) => readNftRuleLine(unwrap(tokenizeNft(text)), text, assumed);
const kinds = (text: string): string[] => {
  const r = read(text);
  if (typeof r === 'string') throw new Error(r);
  return r.rule.statements.map((s) => (s.kind === 'unmodelled' ? `${s.role} ${s.name}` : s.kind));
};

describe('readNftRuleLine', () => {
  it('reads a kube-proxy rule as the strict parser does, with nothing unmodelled', () => {
    const r = read('ip daddr . meta l4proto . th dport vmap @service-ips');
    expect(r).toMatchObject({ unmodelled: [], rule: { statements: [{ kind: 'vmap' }] } });
  });

  it.each([
    ['iifname "cali*" counter packets 4 bytes 240 accept', ['match', 'counter', 'verdict']],
    ['iiftype ether iifname "cali*" accept', ['match iiftype', 'match', 'verdict']],
    ['meta l4proto tcp tcp flags & (fin|syn|rst|ack) != syn counter drop', ['match', 'match tcp flags', 'counter', 'verdict']],
    ['ip protocol tcp ip daddr 10.96.0.10 accept', ['match ip protocol', 'match', 'verdict']],
    [
      'ip saddr 172.17.0.0/16 oifname != "docker0" counter xt target "MASQUERADE"',
      ['match', 'match', 'counter', 'effect xt target MASQUERADE'],
    ],
    ['meta l4proto udp xt match "conntrack" counter return', ['match', 'match xt match conntrack', 'counter', 'verdict']],
    ['ct mark set 0x1 accept', ['effect ct mark', 'verdict']],
    ['meta mark set ct mark counter', ['effect meta mark', 'counter']],
    ['ct state invalid log prefix "bad: " level warn drop', ['match', 'effect log', 'verdict']],
  ])('%s: keeps what it models, names what it does not', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('does not take the key of an unknown selector for a statement (ct mark 0x4000 is not a meta mark match)', () => {
    expect(kinds('ct mark 0x4000 accept')).toEqual(['match ct mark', 'verdict']);
  });

  it('marks its unmodelled matches as assumed on a line the user listed', () => {
    const r = read('iiftype loopback accept', true);
    if (typeof r === 'string') throw new Error(r);
    expect(r.rule.statements[0]).toMatchObject({ kind: 'unmodelled', assumed: true });
  });

  it('refuses a line that does not start as nft does', () => {
    expect(read('Chain FORWARD (policy ACCEPT)')).toBe('not an nft rule: "Chain FORWARD (policy ACCEPT)"');
    expect(read('"quoted" accept')).toBe('not an nft rule: ""quoted" accept"');
  });
});
