import { describe, expect, it } from 'vitest';
import { parseRule, ruleSaveText } from '../../../src/netfilter';
import { multiportMatches, parseMultiport } from '../../../src/netfilter/multiport';

describe('-m multiport', () => {
  it.each([
    ['--dports', '53,8000:8080', false, 8080, true],
    ['--dports', '53,8000:8080', false, 8081, false],
    ['--dports', '53,8000:8080', true, 8081, true],
    ['--sports', '40000', false, 80, true],
    ['--ports', '40000', false, 80, true],
  ] as const)('%s %s (negated %s) on a packet 40000 -> %i: %s', (option, list, negated, dport, expected) => {
    const m = parseMultiport(option, list, negated);
    if (!m.ok) throw new Error(m.error);
    expect(multiportMatches(m.value, { srcPort: 40000, dstPort: dport })).toBe(expected);
  });

  it('reads a Calico rule and prints it back as iptables-save does', () => {
    const r = parseRule('-A cali-fw-cali1 -p udp -m comment --comment "cali:k" -m multiport ! --destination-ports 4789,8472 -j DROP');
    if (!r.ok) throw new Error(r.error);
    expect(ruleSaveText(r.value)).toBe('-A cali-fw-cali1 -p udp -m comment --comment "cali:k" -m multiport ! --dports 4789,8472 -j DROP');
  });

  it('refuses more than 15 ports, a range counting as two', () => {
    expect(parseMultiport('--dports', '1:2,3:4,5:6,7:8,9:10,11:12,13:14,15:16', false)).toEqual({
      ok: false,
      error: '-m multiport: too many ports specified (at most 15, a range counts as two)',
    });
  });
});
