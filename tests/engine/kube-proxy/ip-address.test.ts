import { describe, expect, it } from 'vitest';
import { cidrContainsIp, isLoopback, joinHostPort, parseIp, parseIpCidr } from '../../../src/kube-proxy/ip-address';

describe('parseIp (netutils.ParseIPSloppy)', () => {
  it.each([
    ['10.180.0.1', 'IPv4', '10.180.0.1'],
    ['172.30.0.041', 'IPv4', '172.30.0.41'],
    ['fd00:172:30:0:0:0:0:41', 'IPv6', 'fd00:172:30::41'],
    ['2001:DB8::1', 'IPv6', '2001:db8::1'],
    ['fd00:10:180:0:0:0:2:1', 'IPv6', 'fd00:10:180::2:1'],
    ['2001:db8:0:0:1:0:0:1', 'IPv6', '2001:db8::1:0:0:1'],
    ['::1', 'IPv6', '::1'],
    ['::ffff:10.0.0.1', 'IPv4', '10.0.0.1'],
  ])('reads %s as %s %s (RFC 5952 text, as Go prints it)', (text, family, canonical) => {
    expect(parseIp(text)).toMatchObject({ family, text: canonical });
  });

  it.each(['', '10.0.0', 'fd00::1::2', '1:2:3:4:5:6:7:8:9', 'fe80::1%eth0', '[::1]', 'g::1'])('refuses %j', (text) => {
    expect(parseIp(text)).toBeNull();
  });
});

describe('parseIpCidr (netutils.ParseCIDRSloppy)', () => {
  it.each([
    ['10.1.2.3/8', '10.0.0.0/8'],
    ['fd00:10::5/64', 'fd00:10::/64'],
    ['2001:db8::1/128', '2001:db8::1/128'],
    ['::/0', '::/0'],
  ])('clears the host bits of %s: %s', (text, canonical) => {
    expect(parseIpCidr(text)?.text).toBe(canonical);
  });

  it.each(['fd00::/129', '10.0.0.0/33', '10.0.0.0', 'fd00::/x'])('refuses %j', (text) => {
    expect(parseIpCidr(text)).toBeNull();
  });

  it('contains addresses of its own family only, as Go IPNet.Contains', () => {
    const v6 = parseIpCidr('2001:db8::/64')!;
    expect(cidrContainsIp(v6, parseIp('2001:db8::1')!)).toBe(true);
    expect(cidrContainsIp(v6, parseIp('2001:db8:1::2')!)).toBe(false);
    expect(cidrContainsIp(parseIpCidr('0.0.0.0/0')!, parseIp('::1')!)).toBe(false);
  });
});

describe('isLoopback and joinHostPort', () => {
  it('knows 127.0.0.0/8 and ::1 as loopback', () => {
    expect(['127.0.0.1', '127.5.0.1', '::1', '::2', '10.0.0.1'].map((t) => isLoopback(parseIp(t)!))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('brackets IPv6 hosts, as net.JoinHostPort', () => {
    expect(joinHostPort('fd00:10:180::1', 80)).toBe('[fd00:10:180::1]:80');
    expect(joinHostPort('10.180.0.1', 80)).toBe('10.180.0.1:80');
  });
});
