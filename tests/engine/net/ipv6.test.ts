import { describe, expect, it } from 'vitest';
import { formatIpv6, ipv6CidrContains, parseIpv6, parseIpv6Cidr, readIpv6Value } from '../../../src/net/ipv6';

describe('parseIpv6', () => {
  it.each([
    ['fd00:10:96::a', 'fd00:10:96::a'],
    ['FD00:0010:0096:0000:0000:0000:0000:000A', 'fd00:10:96::a'],
    ['fd00:10:244:1:0:0:0:2', 'fd00:10:244:1::2'],
    ['::', '::'],
    ['::1', '::1'],
    ['fd00::', 'fd00::'],
    // RFC 5952 4.2.2: a single zero group is not shortened; 4.2.3: the first of two equal runs is.
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    // The longest run wins over an earlier, shorter one.
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['::ffff:10.0.0.1', '::ffff:a00:1'],
  ])('reads %s as %s (the text inet_ntop, conntrack and ip6tables-save print)', (text, canonical) => {
    expect(parseIpv6(text)).toEqual({ ok: true, value: canonical });
  });

  it.each([
    ['', 'its groups are separated by ":"'],
    ['fd00::1::2', '"::" may appear only once'],
    ['1:2:3:4:5:6:7:8:9', 'it has 9 groups, not 8'],
    ['1:2:3:4::5:6:7:8', 'too many groups around "::"'],
    ['fd00:10:96::g', '"g" is not a group of 1 to 4 hex digits'],
    ['fd00:12345::1', '"12345" is not a group of 1 to 4 hex digits'],
    ['fd00:1:::2', 'an empty group'],
    ['fe80::1%eth0', 'a zone (%...) is not part of an address'],
    ['::ffff:10.0.0.256', '"10.0.0.256" is not an IPv4 address'],
    ['10.96.0.10', 'its groups are separated by ":"'],
    ['1:2:3:4:5:6:7', 'it has 7 groups, not 8'],
  ])('refuses %j and says why', (text, why) => {
    const r = parseIpv6(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(why);
  });

  it('formats back what it read, for any value', () => {
    for (const v of [0n, 1n, (1n << 128n) - 1n, 0xfd000010024400010000000000000002n, 0x20010db8000000000001000000000001n]) {
      const text = formatIpv6(v);
      expect(readIpv6Value(text)).toEqual({ ok: true, value: v });
    }
  });
});

describe('parseIpv6Cidr', () => {
  it('reads a prefix and a bare address (/128), and knows what is inside', () => {
    const pods = parseIpv6Cidr('fd00:10:244::/56');
    expect(pods).toEqual({ ok: true, value: { network: 0xfd000010024400000000000000000000n, prefix: 56 } });
    if (!pods.ok) return;
    const inside = (ip: string) => ipv6CidrContains(pods.value, (readIpv6Value(ip) as { value: bigint }).value);
    expect(inside('fd00:10:244:1::2')).toBe(true);
    expect(inside('fd00:10:244:ff::1')).toBe(true);
    expect(inside('fd00:10:245::1')).toBe(false);
    expect(parseIpv6Cidr('fd00:10:96::a')).toMatchObject({ ok: true, value: { prefix: 128 } });
    expect(parseIpv6Cidr('::/0')).toEqual({ ok: true, value: { network: 0n, prefix: 0 } });
  });

  it.each([
    ['fd00:10:244::1/56', 'has host bits set: did you mean fd00:10:244::/56?'],
    ['fd00::/129', 'the prefix length must be 0 to 128'],
    ['fd00::/x', 'the prefix length must be 0 to 128'],
    ['fd00::/64/1', 'is not an IPv6 prefix'],
    ['fd00:::/64', 'an empty group'],
  ])('refuses %j: %s', (text, why) => {
    const r = parseIpv6Cidr(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(why);
  });
});
