import { describe, expect, it } from 'vitest';
import { parseNftRule } from '../../../src/nftables';

const statementsOf = (text: string) => {
  const r = parseNftRule(text);
  if (!r.ok) throw new Error(r.error);
  return r.value.statements;
};

describe('parseNftRule', () => {
  it('reads a verdict-map lookup on a concatenation', () => {
    expect(statementsOf('ip daddr . meta l4proto . th dport vmap @service-ips')).toEqual([
      {
        kind: 'vmap',
        fields: [{ kind: 'addr', family: 'ip', side: 'daddr' }, { kind: 'l4proto' }, { kind: 'port', side: 'dport', protocol: null }],
        map: { kind: 'named', name: 'service-ips' },
      },
    ]);
  });

  it.each([
    ['numgen random mod 2 vmap { 0 : goto a , 1 : goto b }', 'kube-proxy'],
    ['numgen random mod 2 vmap { 0 : goto a, 1 : goto b }', 'nft list'],
  ])('reads an inline numgen vmap as %s writes it (%s)', (text) => {
    expect(statementsOf(text)).toEqual([
      {
        kind: 'vmap',
        fields: [{ kind: 'numgen', mod: 2 }],
        map: {
          kind: 'inline',
          entries: [
            { key: ['0'], verdict: { kind: 'goto', chain: 'a' } },
            { key: ['1'], verdict: { kind: 'goto', chain: 'b' } },
          ],
        },
      },
    ]);
  });

  it.each([
    ['mark set mark or 0x4000', 'or', 0x4000],
    ['meta mark set meta mark | 0x00004000', 'or', 0x4000],
    ['mark set mark xor 0x4000', 'xor', 0x4000],
    ['meta mark set meta mark ^ 0x00004000', 'xor', 0x4000],
  ])('reads %j as mark %s', (text, op, value) => {
    expect(statementsOf(text)).toEqual([{ kind: 'mark-set', op, value }]);
  });

  it.each([
    ['mark and 0x4000 == 0 return', '0'],
    ['meta mark & 0x00004000 == 0x00000000 return', '0x00000000'],
  ])('reads the masked mark test %j', (text, zero) => {
    expect(statementsOf(text)).toEqual([
      { kind: 'match', fields: [{ kind: 'mark' }], negated: false, rhs: { kind: 'values', values: [zero] }, mask: 0x4000 },
      { kind: 'verdict', verdict: { kind: 'return' } },
    ]);
  });

  it('reads matches, a set update and the NAT statements kube-proxy writes', () => {
    expect(statementsOf('ip saddr != { 203.0.113.0/25 , 10.0.0.0/8 } drop')[0]).toMatchObject({
      negated: true,
      rhs: { values: ['203.0.113.0/25', '10.0.0.0/8'] },
    });
    expect(statementsOf('fib saddr type local jump mark-for-masquerade')[0]).toMatchObject({
      fields: [{ kind: 'fib-type', side: 'saddr' }],
    });
    expect(statementsOf('ct state new jump services')[0]).toMatchObject({
      fields: [{ kind: 'ct', key: 'state' }],
      rhs: { values: ['new'] },
    });
    expect(statementsOf('update @affinity-x { ip6 saddr }')).toEqual([
      { kind: 'set-update', op: 'update', set: 'affinity-x', fields: [{ kind: 'addr', family: 'ip6', side: 'saddr' }] },
    ]);
    expect(statementsOf('meta l4proto tcp dnat to [fd00:10:180::1]:80')[1]).toEqual({ kind: 'dnat', ip: 'fd00:10:180::1', port: 80 });
    expect(statementsOf('masquerade fully-random')).toEqual([{ kind: 'masquerade', flags: ['fully-random'] }]);
    expect(statementsOf('reject with icmp type host-unreachable')).toEqual([
      { kind: 'verdict', verdict: { kind: 'reject', with: 'icmp type host-unreachable' } },
    ]);
    expect(statementsOf('counter packets 3 bytes 180 accept')).toEqual([
      { kind: 'counter' },
      { kind: 'verdict', verdict: { kind: 'accept' } },
    ]);
  });

  it.each([
    ['ip daddr', /a value is missing after ip daddr/],
    ['ip daddr 10.0.0.300 drop', /"10.0.0.300" is not a value of ip daddr/],
    ['th dport 70000 drop', /"70000" is not a value of th dport/],
    ['jump', /jump needs a chain/],
    ['dnat 10.0.0.1', /dnat needs "to ADDRESS\[:PORT\]"/],
    ['queue num 3', /cannot read "queue num 3"/],
  ])('refuses %j', (text, message) => {
    const r = parseNftRule(text);
    expect(r.ok ? '' : r.error).toMatch(message);
  });
});
