import { cidrContains, parseCidr, type Cidr } from '../net/cidr';
import type { Ipv4 } from '../net/ipv4';
import type { NodeFacts, NodeRoute } from './node-trace-types';

/** A route of the node facts (`CIDR=DEVICE`) read; null when it is not one. */
export function parseNodeRoute(text: string): { readonly cidr: Cidr; readonly dev: string } | null {
  const [cidrText = '', dev = ''] = text.split('=');
  const cidr = parseCidr(cidrText.trim());
  return cidr.ok && /^\S+$/.test(dev.trim()) ? { cidr: cidr.value, dev: dev.trim() } : null;
}

/**
 * The node's routing decision for a destination (`ip route get`): one of its own addresses
 * (or 127.0.0.0/8) is local, delivered through INPUT; else the longest given prefix names the
 * device; else the default route leaves by eth0.
 *
 * @example routeNodePacket({ localAddresses: ['10.0.0.2'], routes: ['10.244.1.0/24=cbr0'] }, '10.244.1.5' as Ipv4) // { to: 'forward', outInterface: 'cbr0' }
 */
export function routeNodePacket(facts: NodeFacts, dst: Ipv4): NodeRoute {
  if (dst.startsWith('127.') || facts.localAddresses.includes(dst)) return { to: 'local', outInterface: 'lo' };
  let best: { readonly cidr: Cidr; readonly dev: string } | null = null;
  for (const text of facts.routes ?? []) {
    const r = parseNodeRoute(text);
    if (r !== null && cidrContains(r.cidr, dst) && (best === null || r.cidr.prefix > best.cidr.prefix)) best = r;
  }
  return { to: 'forward', outInterface: best?.dev ?? 'eth0' };
}
