import { describe, expect, it } from 'vitest';
import { parseIpv4, ipv4ToNumber, numberToIpv4 } from '../../../src/net/ipv4';
import { cidrContains, parseCidr, formatCidr, nthAddress } from '../../../src/net/cidr';

describe('parseIpv4', () => {
  it.each([
    ['10.244.1.2', '10.244.1.2'],
    ['172.30.0.041', '172.30.0.41'],
    ['10.180.00.001', '10.180.0.1'],
    ['0.0.0.0', '0.0.0.0'],
  ])('canonicalises %s to %s, as kube-proxy does', (input, canonical) => {
    expect(parseIpv4(input)).toEqual({ ok: true, value: canonical });
  });

  it.each(['10.244.1', '10.244.1.256', '10.244.1.2.3', '0x0a.0.0.1', '10.244.1.-1', ' 10.0.0.1', ''])(
    'rejects %j with a readable error',
    (input) => {
      const parsed = parseIpv4(input);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toContain('not an IPv4 address');
    },
  );

  it('round-trips through its 32-bit number', () => {
    const parsed = parseIpv4('192.168.0.11');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(ipv4ToNumber(parsed.value)).toBe(3232235531);
    expect(numberToIpv4(3232235531)).toBe('192.168.0.11');
  });
});

describe('CIDRs', () => {
  it('contains the addresses of its block and no others', () => {
    const cidr = parseCidr('10.244.1.0/24');
    if (!cidr.ok) throw new Error(cidr.error);
    expect(cidrContains(cidr.value, '10.244.1.200' as never)).toBe(true);
    expect(cidrContains(cidr.value, '10.244.2.1' as never)).toBe(false);
    expect(formatCidr(cidr.value)).toBe('10.244.1.0/24');
    expect(nthAddress(cidr.value, 1)).toBe('10.244.1.1');
  });

  it('rejects host bits with a suggestion', () => {
    const cidr = parseCidr('10.244.1.5/24');
    expect(cidr).toEqual({ ok: false, error: '"10.244.1.5/24" has host bits set: did you mean 10.244.1.0/24?' });
  });

  it('reads /0 as containing everything', () => {
    const cidr = parseCidr('0.0.0.0/0');
    if (!cidr.ok) throw new Error(cidr.error);
    expect(cidrContains(cidr.value, '203.0.113.9' as never)).toBe(true);
  });
});
