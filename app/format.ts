import type { Packet } from '../src/index';

/** "10.244.1.2:39916 -> 10.96.0.10:80 tcp SYN". */
export function formatPacket(p: Packet): string {
  const flags = p.flags.length > 0 ? ` ${p.flags.join(',')}` : '';
  return `${p.srcIp}:${p.srcPort} -> ${p.dstIp}:${p.dstPort} ${p.protocol}${flags}`;
}

/** One header field that a step rewrote, as text before and after. */
export interface FieldChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

const FIELDS: readonly [field: string, read: (p: Packet) => string][] = [
  ['src', (p) => `${p.srcIp}:${p.srcPort}`],
  ['dst', (p) => `${p.dstIp}:${p.dstPort}`],
  ['protocol', (p) => p.protocol],
  ['flags', (p) => p.flags.join(',')],
  ['src MAC', (p) => p.srcMac],
  ['dst MAC', (p) => p.dstMac],
  ['TTL', (p) => String(p.ttl)],
];

/** The fields that differ between the packet before and after a step, in header order. */
export function packetChanges(before: Packet, after: Packet): FieldChange[] {
  return FIELDS.flatMap(([field, read]) => {
    const b = read(before);
    const a = read(after);
    return a === b ? [] : [{ field, before: b, after: a }];
  });
}
