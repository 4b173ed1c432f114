import { parseIp } from '../ip-address';
import type { NftElement, NftSet } from './table';

/*
 * How `nft list` orders and wraps a set's elements (nft 1.0.6: netlink_list_setelems sorts
 * them with list_expr_sort; expression.c's calculate_delim breaks the lines). A single-type
 * key sorts by value; a concatenation sorts by its bytes read as one little-endian number,
 * so by the last field's last byte first (a port's low byte, then ... an address's first).
 */

const PROTOCOL_NUMBERS: Readonly<Record<string, number>> = { tcp: 6, udp: 17, sctp: 132 };

/** One key field's bytes in network order, as the kernel stores it. */
function fieldBytes(type: string, text: string): number[] {
  if (type === 'inet_proto') return [PROTOCOL_NUMBERS[text] ?? Number(text)];
  if (type === 'inet_service') return [(Number(text) >> 8) & 255, Number(text) & 255];
  const ip = parseIp(text);
  const length = type === 'ipv6_addr' ? 16 : 4;
  const out: number[] = [];
  for (let i = length - 1; i >= 0; i--) out.push(Number(((ip?.value ?? 0n) >> BigInt(i * 8)) & 255n));
  return out;
}

function sortKey(set: NftSet, e: NftElement): number[] {
  const bytes = e.key.flatMap((part, i) => fieldBytes(set.keyType[i] ?? '', part));
  return set.keyType.length > 1 ? bytes.reverse() : bytes;
}

function compareBytes(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

const quote = (s: string): string => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

function elementText(e: NftElement): string {
  return `${e.key.join(' . ')}${e.comment !== undefined ? ` comment ${quote(e.comment)}` : ''}${e.value !== undefined ? ` : ${e.value}` : ''}`;
}

/** How many elements share a line: IPv4 addresses two, port-like numbers five, anything else one. */
function perLine(set: NftSet): number {
  if (set.keyType.length > 1) return 1;
  const type = set.keyType[0];
  if (type === 'ipv4_addr') return 2;
  if (type === 'inet_service' || type === 'inet_proto' || type === 'mark') return 5;
  return 1;
}

/** `elements = { ... }` with nft's order and line breaks, or null for an empty set (nft prints no line). */
export function listElements(set: NftSet): string | null {
  if (set.elements.length === 0) return null;
  const sorted = [...set.elements].sort((a, b) => compareBytes(sortKey(set, a), sortKey(set, b)));
  const n = perLine(set);
  let out = '';
  sorted.forEach((e, i) => {
    if (i > 0) out += i % n === 0 ? ',\n\t\t\t     ' : ', ';
    out += elementText(e);
  });
  return `elements = { ${out} }`;
}
