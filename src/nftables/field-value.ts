import { cidrContainsIp, parseIp, parseIpCidr } from '../kube-proxy/ip-address';
import type { NftEnv, NftPacketContext } from './packet-context';
import type { NftField } from './rule-types';

/** The data type of a field, as a set's `type` names it (`ipv4_addr`, `inet_proto`, `inet_service`...). */
export function fieldType(f: NftField): string {
  switch (f.kind) {
    case 'addr':
      return f.family === 'ip' ? 'ipv4_addr' : 'ipv6_addr';
    case 'l4proto':
      return 'inet_proto';
    case 'port':
      return 'inet_service';
    case 'mark':
      return 'mark';
    case 'ct':
      return f.key === 'state' ? 'ct_state' : 'ct_status';
    case 'fib-type':
      return 'fib_addrtype';
    case 'numgen':
      return 'integer';
    case 'iface':
      return f.key === 'iifname' || f.key === 'oifname' ? 'ifname' : 'iface_index';
  }
}

const PROTOCOL_NAMES: Readonly<Record<string, string>> = { '1': 'icmp', '6': 'tcp', '17': 'udp', '58': 'icmpv6', '132': 'sctp' };
const NUMERIC = new Set(['inet_service', 'mark', 'integer']);

/** One value of a type in one spelling: `0x00004000` and `16384` are one mark, `6` and `tcp` one protocol, `fd00::0:1` and `fd00::1` one address. */
export function canonicalValue(type: string, text: string): string {
  if (type === 'ipv4_addr' || type === 'ipv6_addr') return parseIp(text)?.text ?? text;
  if (type === 'inet_proto') return PROTOCOL_NAMES[text] ?? text.toLowerCase();
  if (NUMERIC.has(type) && /^(0x[0-9a-fA-F]+|[0-9]+)$/.test(text)) return String(Number(text));
  return text;
}

/**
 * Whether a value the packet has (canonical) is what one key part of an element or an
 * anonymous set says: the same value, inside a prefix (`10.0.0.0/8`), or inside a range
 * (`30000-32767`, `10.0.0.1-10.0.0.9`).
 */
export function partMatches(type: string, value: string, part: string): boolean {
  if (type === 'ifname') return ifnameMatches(value, part);
  const isAddr = type === 'ipv4_addr' || type === 'ipv6_addr';
  if (isAddr && part.includes('/')) {
    const cidr = parseIpCidr(part);
    const ip = parseIp(value);
    return cidr !== null && ip !== null && cidrContainsIp(cidr, ip);
  }
  const dash = part.indexOf('-', 1);
  if (dash > 0 && (isAddr || NUMERIC.has(type))) {
    const [lo, hi] = [part.slice(0, dash), part.slice(dash + 1)];
    const num = (t: string): bigint | null => (isAddr ? (parseIp(t)?.value ?? null) : /^[0-9]+$/.test(t) ? BigInt(t) : null);
    const [v, a, b] = [num(value), num(lo), num(hi)];
    return v !== null && a !== null && b !== null && a <= v && v <= b;
  }
  return canonicalValue(type, part) === value;
}

/** What the packet gives for a field (canonical), or null when it has none (a port of an ICMP packet, an IPv6 address of an IPv4 packet). */
export function readField(f: NftField, ctx: NftPacketContext, env: NftEnv): string | null {
  const p = ctx.packet;
  switch (f.kind) {
    case 'addr':
      if (f.family !== p.family) return null;
      return canonicalValue(fieldType(f), f.side === 'saddr' ? p.saddr : p.daddr);
    case 'l4proto':
      return p.l4proto;
    case 'port':
      if (p.l4proto === 'icmp' || p.l4proto === 'icmpv6' || (f.protocol !== null && f.protocol !== p.l4proto)) return null;
      return String(f.side === 'sport' ? p.sport : p.dport);
    case 'mark':
      return String(ctx.mark >>> 0);
    case 'ct':
      return f.key === 'state' ? ctx.ctState : ctx.ctStatus.join(',');
    case 'fib-type':
      return env.isLocalAddress(f.side === 'saddr' ? p.saddr : p.daddr) ? 'local' : 'unicast';
    case 'numgen':
      return String(env.numgen(f.mod));
    case 'iface':
      // No device at this hook (the out device before routing, the in device of a local packet):
      // nft_meta_store_ifname stores "" and nft_meta_store_ifindex 0, so only `!=` matches.
      return (f.key === 'iifname' || f.key === 'iif' ? ctx.iif : ctx.oif) ?? '';
  }
}

/**
 * `iifname "veth*"`: a trailing `*` compares only what comes before it (nft loads it as a
 * shorter cmp); `"a\\*"` is a literal star. A device's name is never empty, so "" (no device) never matches.
 */
function ifnameMatches(value: string, part: string): boolean {
  if (value === '') return false;
  if (part.endsWith('*') && !part.endsWith('\\*')) return value.startsWith(part.slice(0, -1));
  return value === part.replace(/\\\*$/, '*');
}

/** `ct status dnat` is a bit test: the packet's status (a list) holds the value. */
export function fieldHas(f: NftField, value: string, part: string): boolean {
  if (f.kind === 'ct' && f.key === 'status') return value.split(',').includes(part);
  return partMatches(fieldType(f), value, part);
}
