import { packetAddress, type StepPacket } from '../../../src/index';

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
export function packetRewrites(before: StepPacket, after: StepPacket): Rewrite[] {
  const src = [packetAddress(before, 'src'), packetAddress(after, 'src')] as const;
  const dst = [packetAddress(before, 'dst'), packetAddress(after, 'dst')] as const;
  const out: Rewrite[] = [];
  if (src[0] !== src[1]) out.push({ field: 'src', from: src[0], to: src[1] });
  if (dst[0] !== dst[1]) out.push({ field: 'dst', from: dst[0], to: dst[1] });
  return out;
}
