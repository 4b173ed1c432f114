import type { ScenarioInput } from '../../src/index';
import type { ExternalClientInput } from './outside-edits';

/** Where a new outside client sits: on the nodes' network, or on the internet behind the router or the cloud's load balancer. */
export type ClientPlace = 'host' | 'router' | 'load-balancer';
export const CLIENT_PLACES: readonly ClientPlace[] = ['host', 'router', 'load-balancer'];

export const placeOf = (c: ExternalClientInput): ClientPlace => (c.kind === 'host' ? 'host' : (c.via ?? 'router'));

/** The client a place and an address stand for, in the schema's terms. */
export function clientOf(name: string, place: ClientPlace, ip: string): ExternalClientInput {
  return place === 'host' ? { name, kind: 'host', ip: ip.trim() } : { name, kind: 'internet', ip: ip.trim(), via: place };
}

/**
 * A free address for a new client, chosen deterministically: from .100 of the first
 * node's /24 for a host beside the nodes (192.168.0.100), from the documentation
 * ranges for the internet (RFC 5737: 198.51.100.10 behind the router, 203.0.113.10
 * behind the load balancer). The scenario's validation still checks it.
 */
export function nextClientIp(cluster: ScenarioInput['cluster'], place: ClientPlace): string {
  const taken = new Set([...cluster.nodes.map((n) => n.ip), ...(cluster.externalClients ?? []).map((c) => c.ip)]);
  const nodeNet = /^(\d+\.\d+\.\d+)\.\d+$/.exec(cluster.nodes[0]?.ip ?? '')?.[1] ?? '192.168.0';
  const [net, first] = place === 'host' ? [nodeNet, 100] : place === 'router' ? ['198.51.100', 10] : ['203.0.113', 10];
  let last = first;
  while (taken.has(`${net}.${last}`) && last < 254) last++;
  return `${net}.${last}`;
}
