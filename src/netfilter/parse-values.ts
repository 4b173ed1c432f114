import { parseIp, parseIpCidr, type IpFamily } from '../kube-proxy/ip-address';
import { ipv4ToNumber, numberToIpv4, parseIpv4, type Ipv4 } from '../net/ipv4';
import { err, ok, type Result } from '../net/result';
import type { AddressMatch, ProtocolMatch } from './ruleset';
import type { PortMatch } from './match-types';

/** The netmask for a prefix length, as an unsigned 32-bit number. */
export function prefixMask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** How each of `-s`, `-d`, `! -s`, `! -d` starts its save text. */
const ADDRESS_FLAGS: readonly string[] = ['-s ', '-d ', '! -s ', '! -d '];
const PREFIX_TEXT: readonly string[] = Array.from({ length: 33 }, (_, i) => `/${i}`);

/**
 * `-s`/`-d` values: "10.0.0.0/8", "10.180.0.1" (a bare address is /32) or
 * "10.0.0.0/255.0.0.0". Like iptables (xtables_ipparse_multiple) host bits are
 * cleared, so "10.1.2.3/8" matches and prints as 10.0.0.0/8.
 */
export function parseAddressMatch(text: string, negated: boolean, flag: '-s' | '-d', family: IpFamily = 'IPv4'): Result<AddressMatch> {
  if (family === 'IPv6') return parseAddressMatch6(text, negated, flag);
  const slash = text.indexOf('/');
  const ipText = slash < 0 ? text : text.slice(0, slash);
  const lenText = slash < 0 ? '32' : text.slice(slash + 1);
  const ip = parseIpv4(ipText);
  if (!ip.ok) return err(ip.error);
  let prefix: number;
  if (/^[0-9]{1,2}$/.test(lenText) && Number(lenText) <= 32) {
    prefix = Number(lenText);
  } else {
    const dotted = parseIpv4(lenText);
    if (!dotted.ok) return err(`"${text}": "${lenText}" is not a prefix length or netmask`);
    const m = ipv4ToNumber(dotted.value);
    prefix = 0;
    while (prefix < 32 && prefixMask(prefix) !== m) prefix++;
    if (prefixMask(prefix) !== m) return err(`"${text}": ${lenText} is not a contiguous netmask`);
  }
  const mask = prefixMask(prefix);
  const address = ipv4ToNumber(ip.value);
  const network = (address & mask) >>> 0;
  // Built from shared pieces: a 10,000-Service ruleset has ~100,000 addresses.
  const networkText = network === address ? ip.value : numberToIpv4(network);
  // Joined, not concatenated: one flat string instead of a string and a rope over it
  // (100,000 addresses keep theirs).
  const saveText = [ADDRESS_FLAGS[(negated ? 2 : 0) + (flag === '-d' ? 1 : 0)]!, networkText, PREFIX_TEXT[prefix]!].join('');
  return ok({ negated, network, mask, network6: null, prefix, text, saveText });
}

/**
 * An ip6tables `-s`/`-d` value: "fd00:10::/64" or a bare address (/128), host bits
 * cleared; ip6tables-save prints it canonical (RFC 5952) with its prefix.
 */
function parseAddressMatch6(text: string, negated: boolean, flag: '-s' | '-d'): Result<AddressMatch> {
  const cidr = parseIpCidr(text.includes('/') ? text : `${text}/128`);
  if (cidr === null || cidr.family !== 'IPv6') return err(`"${text}" is not an IPv6 address or prefix such as fd00:10::/64`);
  const saveText = `${ADDRESS_FLAGS[(negated ? 2 : 0) + (flag === '-d' ? 1 : 0)]!}${cidr.text}`;
  return ok({ negated, network: 0, mask: 0, network6: cidr.network, prefix: cidr.prefix, text, saveText });
}

const PROTOCOL_ALIASES: Readonly<Record<string, ProtocolMatch['name']>> = {
  tcp: 'tcp',
  '6': 'tcp',
  udp: 'udp',
  '17': 'udp',
  sctp: 'sctp',
  '132': 'sctp',
  icmp: 'icmp',
  '1': 'icmp',
  all: 'all',
  '0': 'all',
};

const protocolMatches = (name: ProtocolMatch['name']): readonly [ProtocolMatch, ProtocolMatch] => [
  { negated: false, name },
  { negated: true, name },
];
const PROTOCOL_MATCHES: Readonly<Record<ProtocolMatch['name'], readonly [ProtocolMatch, ProtocolMatch]>> = {
  tcp: protocolMatches('tcp'),
  udp: protocolMatches('udp'),
  sctp: protocolMatches('sctp'),
  icmp: protocolMatches('icmp'),
  all: protocolMatches('all'),
};

/** The protocol words as kube-proxy writes them, for reading them in place. */
export const PROTOCOL_WORDS: readonly string[] = Object.keys(PROTOCOL_ALIASES);

/** `-p`: names are case-insensitive (kube-proxy's tests write "TCP" flows). */
export function parseProtocol(text: string, negated: boolean): Result<ProtocolMatch> {
  const key = text.toLowerCase();
  const name = Object.hasOwn(PROTOCOL_ALIASES, key) ? PROTOCOL_ALIASES[key] : undefined;
  if (name === undefined) return err(`unknown protocol "${text}" (expected tcp, udp, sctp, icmp or all)`);
  // One shared value per (name, negated): readonly, and every kube-proxy rule has one.
  return ok(PROTOCOL_MATCHES[name][negated ? 1 : 0]);
}

/** "80" or "30000:32767". */
export function parsePort(text: string, negated: boolean): Result<PortMatch> {
  return parsePortAt(text, 0, text.length, negated);
}

/**
 * parsePort of `text` from `start` to `end`, read in place (a rule's word without its own
 * string): as `text.split(':')` into a port, an optional end (empty for 65535) and nothing more.
 */
export function parsePortAt(text: string, start: number, end: number, negated: boolean): Result<PortMatch> {
  const colon = text.indexOf(':', start);
  const a = colon < 0 || colon >= end ? end : colon;
  const from = portNumberAt(text, start, a);
  let to = from;
  let extra = false;
  if (a < end) {
    const b = text.indexOf(':', a + 1);
    extra = b >= 0 && b < end;
    to = a + 1 === end ? 65535 : portNumberAt(text, a + 1, extra ? b : end);
  }
  if (extra || from === null || to === null || from > to) return err(`"${text.slice(start, end)}" is not a port or port range`);
  return ok({ negated, from, to });
}

export function parsePortNumber(text: string): number | null {
  return portNumberAt(text, 0, text.length);
}

/** One to five decimal digits up to 65535, from `start` to `end` of `text`. */
function portNumberAt(text: string, start: number, end: number): number | null {
  if (end <= start || end - start > 5) return null;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    n = n * 10 + c - 48;
  }
  return n <= 65535 ? n : null;
}

/** A mark or mask: hex ("0x4000", "0x00004000") or decimal, up to 32 bits (strtoul base 0). */
export function parseMarkNumber(text: string): number | null {
  if (!/^(0[xX][0-9a-fA-F]{1,8}|[0-9]{1,10})$/.test(text)) return null;
  const n = Number(text);
  return n <= 0xffffffff ? n : null;
}

/** "V" or "V/M"; a missing mask is 0xffffffff, as libxt_mark and libxt_MARK default it. */
export function parseMarkValue(text: string): Result<{ value: number; mask: number | null }> {
  const [v, m, extra] = text.split('/');
  const value = parseMarkNumber(v ?? '');
  const mask = m === undefined ? null : parseMarkNumber(m);
  if (extra !== undefined || value === null || (m !== undefined && mask === null))
    return err(`"${text}" is not a mark such as 0x4000 or 0x4000/0x4000`);
  return ok({ value, mask });
}

/** ip6tables' DNAT address: "[fd00:10:180::1]:80" or a bare "fd00:10:180::1", canonical. */
export function parseNatAddress6(text: string): Result<{ ip: string; port: number | null }> {
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(text);
  const ip = parseIp(bracketed === null ? text : (bracketed[1] ?? ''));
  if (ip === null || ip.family !== 'IPv6') return err(`"${text}" is not an IPv6 address such as [fd00:10:180::1]:80`);
  const portText = bracketed?.[2];
  if (portText === undefined) return ok({ ip: ip.text, port: null });
  const port = parsePortNumber(portText);
  if (port === null || port === 0) return err(`"${text}": "${portText}" is not a port (port ranges are not supported)`);
  return ok({ ip: ip.text, port });
}

/** "10.244.2.3:8080" or "10.244.2.3" for DNAT/SNAT. */
export function parseNatAddress(text: string): Result<{ ip: Ipv4; port: number | null }> {
  const colon = text.indexOf(':');
  const ip = parseIpv4(colon < 0 ? text : text.slice(0, colon));
  if (!ip.ok) return err(`"${text}": ${ip.error} (address ranges are not supported)`);
  if (colon < 0) return ok({ ip: ip.value, port: null });
  const port = parsePortNumber(text.slice(colon + 1));
  if (port === null || port === 0) return err(`"${text}": "${text.slice(colon + 1)}" is not a port (port ranges are not supported)`);
  return ok({ ip: ip.value, port });
}
