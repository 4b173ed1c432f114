import { parseIpv4 } from '../net/ipv4';
import { formatIpv6, readIpv6Value } from '../net/ipv6';

/** The two address families a kube-proxy instance can run for (one proxier per family). */
export type IpFamily = 'IPv4' | 'IPv6';

/** A parsed address: its family, its canonical text (as Go's net.IP.String prints it) and its value. */
export interface IpAddress {
  readonly family: IpFamily;
  readonly text: string;
  readonly value: bigint;
}

/** A CIDR block with host bits cleared, as Go's net.ParseCIDR returns it. */
export interface IpCidr {
  readonly family: IpFamily;
  readonly network: bigint;
  readonly prefix: number;
  /** Canonical "10.0.0.0/8" / "fd00:10::/64". */
  readonly text: string;
}

/**
 * Parses an address the way kube-proxy does (netutils.ParseIPSloppy): IPv4 octets with
 * leading zeros are read as decimal, IPv6 is canonicalised (RFC 5952), and an IPv4-mapped
 * IPv6 address counts as IPv4, as in Go. Returns null for anything else.
 */
export function parseIp(text: string): IpAddress | null {
  const fast = fastIpv4(text);
  if (fast !== null) return fast;
  if (!text.includes(':')) {
    const v4 = parseIpv4(text);
    if (!v4.ok) return null;
    let n = 0n;
    for (const part of v4.value.split('.')) n = (n << 8n) | BigInt(Number(part));
    return { family: 'IPv4', text: v4.value, value: n };
  }
  const value = parseIpv6Value(text);
  if (value === null) return null;
  if (value >> 32n === 0xffffn) return fromValue('IPv4', value & 0xffffffffn);
  return fromValue('IPv6', value);
}

/** Canonical dotted-quad input (the common case) without regexes or splitting. */
function fastIpv4(text: string): IpAddress | null {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0) return null;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return null; // leading zero: take the slow, canonicalising path
      octet = octet * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return null;
    } else return null;
  }
  if (dots !== 3 || digits === 0) return null;
  return { family: 'IPv4', text, value: BigInt(value * 256 + octet) };
}

function parseIpv6Value(text: string): bigint | null {
  const value = readIpv6Value(text);
  return value.ok ? value.value : null;
}

/** Builds the address for a family and numeric value, with Go's canonical text. */
export function fromValue(family: IpFamily, value: bigint): IpAddress {
  if (family === 'IPv4') {
    const v = Number(value);
    const text = [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
    return { family, text, value };
  }
  return { family, text: formatIpv6(value), value };
}

const bits = (family: IpFamily): number => (family === 'IPv4' ? 32 : 128);

function maskOf(family: IpFamily, prefix: number): bigint {
  const total = bits(family);
  return ((1n << BigInt(total)) - 1n) ^ ((1n << BigInt(total - prefix)) - 1n);
}

/**
 * Parses a CIDR like Go's netutils.ParseCIDRSloppy: host bits are masked off
 * ("1.2.3.4/24" -> "1.2.3.0/24"), leading/trailing whitespace is the caller's job.
 */
export function parseIpCidr(text: string): IpCidr | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const ip = parseIp(text.slice(0, slash));
  const len = text.slice(slash + 1);
  if (ip === null || !/^[0-9]{1,3}$/.test(len)) return null;
  const prefix = Number(len);
  if (prefix > bits(ip.family)) return null;
  const network = ip.value & maskOf(ip.family, prefix);
  return { family: ip.family, network, prefix, text: `${fromValue(ip.family, network).text}/${prefix}` };
}

/** True when the address is inside the block (never across families, like Go's IPNet.Contains). */
export function cidrContainsIp(cidr: IpCidr, ip: IpAddress): boolean {
  return cidr.family === ip.family && (ip.value & maskOf(cidr.family, cidr.prefix)) === cidr.network;
}

/** 127.0.0.0/8 or ::1, as Go's net.IP.IsLoopback. */
export function isLoopback(ip: IpAddress): boolean {
  return ip.family === 'IPv4' ? ip.value >> 24n === 127n : ip.value === 1n;
}

/** net.JoinHostPort: "10.180.0.1:80", "[fd00:10:180::1]:80". */
export function joinHostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}
