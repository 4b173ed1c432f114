import { parseIpv4 } from '../net/ipv4';

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

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

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
  if (text.includes('%')) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parseGroups = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    const parts = s.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i] ?? '';
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseIpv4(p);
        if (!v4.ok) return null;
        const o = v4.value.split('.').map(Number);
        out.push(((o[0] ?? 0) << 8) | (o[1] ?? 0), ((o[2] ?? 0) << 8) | (o[3] ?? 0));
      } else if (HEX_GROUP.test(p)) out.push(parseInt(p, 16));
      else return null;
    }
    return out;
  };
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  let n = 0n;
  for (const g of [...head, ...new Array<number>(missing).fill(0), ...tail]) n = (n << 16n) | BigInt(g);
  return n;
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

function formatIpv6(value: bigint): string {
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  // RFC 5952: compress the longest run (>= 2) of zero groups, the first one on a tie.
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
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
