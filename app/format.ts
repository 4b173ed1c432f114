import { formatQuoted, packetAddress, type StepPacket } from '../src/index';

/** "10.244.1.2:39916 -> 10.96.0.10:80 tcp SYN"; an ICMP error with the packet it quotes. */
export function formatPacket(p: StepPacket): string {
  const addresses = `${packetAddress(p, 'src')} -> ${packetAddress(p, 'dst')}`;
  if (p.protocol === 'icmp') return `${addresses} icmp port-unreachable (${formatQuoted(p.icmp.quoted)})`;
  const flags = p.flags.length > 0 ? ` ${p.flags.join(',')}` : '';
  return `${addresses} ${p.protocol}${flags}`;
}

/** One header field that a step rewrote, as text before and after. */
export interface FieldChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

const FIELDS: readonly [field: string, read: (p: StepPacket) => string][] = [
  ['src', (p) => packetAddress(p, 'src')],
  ['dst', (p) => packetAddress(p, 'dst')],
  ['protocol', (p) => p.protocol],
  ['flags', (p) => p.flags.join(',')],
  ['src MAC', (p) => p.srcMac],
  ['dst MAC', (p) => p.dstMac],
  ['TTL', (p) => String(p.ttl)],
];

/** The fields that differ between the packet before and after a step, in header order. */
export function packetChanges(before: StepPacket, after: StepPacket): FieldChange[] {
  return FIELDS.flatMap(([field, read]) => {
    const b = read(before);
    const a = read(after);
    return a === b ? [] : [{ field, before: b, after: a }];
  });
}
