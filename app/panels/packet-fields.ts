import { packetAddress, type PacketStep, type StepKind, type StepPacket } from '../../src/index';
import type { PanelStrings } from '../i18n/panel-strings';

export type FieldKey = keyof PanelStrings['fields'];

/** One header field of the packet at a step: its value before and after, and whether the step rewrote it. */
export interface PacketField {
  readonly key: FieldKey;
  readonly before: string;
  readonly after: string;
  readonly changed: boolean;
}

/** Steps where the frame's Ethernet header is what moves it: the MACs are worth showing. */
const L2_KINDS: ReadonlySet<StepKind> = new Set(['leave-pod', 'veth', 'bridge', 'bridge-miss', 'wire', 'deliver']);

const READ: readonly [key: FieldKey, read: (p: StepPacket) => string][] = [
  ['src', (p) => packetAddress(p, 'src')],
  ['dst', (p) => packetAddress(p, 'dst')],
  ['protocol', (p) => p.protocol.toUpperCase()],
  ['flags', (p) => p.flags.join(',')],
  ['ttl', (p) => String(p.ttl)],
  ['srcMac', (p) => p.srcMac],
  ['dstMac', (p) => p.dstMac],
];

/**
 * The header fields the packet panel lists for a step, in header order: the
 * addresses, protocol, TCP flags (TCP only) and TTL always; the MACs on layer 2
 * hops or when the step rewrote them. A plain comparison of `before` and `after`.
 */
export function packetFields(step: PacketStep): PacketField[] {
  const l2 = L2_KINDS.has(step.kind);
  return READ.flatMap(([key, read]) => {
    const before = read(step.before);
    const after = read(step.after);
    const changed = before !== after;
    if (key === 'flags' && step.after.protocol !== 'tcp' && !changed) return [];
    if ((key === 'srcMac' || key === 'dstMac') && !l2 && !changed) return [];
    return [{ key, before, after, changed }];
  });
}
