import { cidrContains, parseCidr, type Cidr } from '../net/cidr';
import type { Ipv4 } from '../net/ipv4';
import { ipv6CidrContains, looksLikeIpv6, parseIpv6Cidr, readIpv6Value, type Ipv6Cidr } from '../net/ipv6';
import type { NodeFacts, NodeRoute } from './node-trace-types';

/** A route of the node facts, IPv4 or IPv6. */
export type NodeRouteFact =
  { readonly family: 4; readonly cidr: Cidr; readonly dev: string } | { readonly family: 6; readonly cidr: Ipv6Cidr; readonly dev: string };

/** A route of the node facts (`CIDR=DEVICE`, "10.244.1.0/24=cbr0" or "fd00:10:244:1::/64=cbr0") read; null when it is not one. */
export function parseNodeRoute(text: string): NodeRouteFact | null {
  const at = text.lastIndexOf('=');
  const [cidrText, dev] = at < 0 ? [text.trim(), ''] : [text.slice(0, at).trim(), text.slice(at + 1).trim()];
  if (!/^\S+$/.test(dev)) return null;
  if (looksLikeIpv6(cidrText)) {
    const cidr = parseIpv6Cidr(cidrText);
    return cidr.ok ? { family: 6, cidr: cidr.value, dev } : null;
  }
  const cidr = parseCidr(cidrText);
  return cidr.ok ? { family: 4, cidr: cidr.value, dev } : null;
}

/**
 * The node's routing decision for a destination (`ip route get`), IPv4 or IPv6 (canonical
 * text): one of its own addresses (or 127.0.0.0/8, ::1) is local, delivered through INPUT;
 * else the longest given prefix of the destination's family names the device; else the
 * default route leaves by eth0.
 *
 * @example routeNodePacket({ localAddresses: ['10.0.0.2'], routes: ['10.244.1.0/24=cbr0'] }, '10.244.1.5') // { to: 'forward', outInterface: 'cbr0' }
 */
export function routeNodePacket(facts: NodeFacts, dst: string): NodeRoute {
  const v6 = looksLikeIpv6(dst) ? readIpv6Value(dst) : null;
  if (dst.startsWith('127.') || dst === '::1' || facts.localAddresses.includes(dst)) return { to: 'local', outInterface: 'lo' };
  let best: NodeRouteFact | null = null;
  for (const text of facts.routes ?? []) {
    const r = parseNodeRoute(text);
    if (r === null || (best !== null && r.cidr.prefix <= best.cidr.prefix)) continue;
    const inside =
      r.family === 6 ? v6 !== null && v6.ok && ipv6CidrContains(r.cidr, v6.value) : v6 === null && cidrContains(r.cidr, dst as Ipv4);
    if (inside) best = r;
  }
  return { to: 'forward', outInterface: best?.dev ?? 'eth0' };
}
