import type { Packet } from '../../../src/index';

export interface Rewrite {
  readonly field: 'src' | 'dst';
  readonly from: string;
  readonly to: string;
}

/**
 * What a step rewrote in the packet's addresses: DNAT and its reversal change
 * the destination or source `ip:port`, masquerade the source. Read from the
 * step's own before/after packets, never re-derived.
 */
export function packetRewrites(before: Packet, after: Packet): Rewrite[] {
  const src = [`${before.srcIp}:${before.srcPort}`, `${after.srcIp}:${after.srcPort}`] as const;
  const dst = [`${before.dstIp}:${before.dstPort}`, `${after.dstIp}:${after.dstPort}`] as const;
  const out: Rewrite[] = [];
  if (src[0] !== src[1]) out.push({ field: 'src', from: src[0], to: src[1] });
  if (dst[0] !== dst[1]) out.push({ field: 'dst', from: dst[0], to: dst[1] });
  return out;
}
