import { parseNftNumber } from './parse-number';
import type { NftField } from './rule-types';
import type { TokenCursor } from './token-cursor';

const PROTOCOLS = ['tcp', 'udp', 'sctp'] as const;
const IFACE_KEYS = ['iifname', 'oifname', 'iif', 'oif'] as const;

/**
 * One field at the cursor (`ip daddr`, `meta l4proto`, `th dport`, `tcp dport`, `mark`,
 * `ct state`, `fib daddr type`, `numgen random mod 2`, `iifname`, `meta oif`), or null when the next words are
 * not one (the cursor has not moved then, except for a broken `numgen`, which is an error).
 */
export function parseField(c: TokenCursor): NftField | string | null {
  const [a, b] = [c.peek(), c.peek(1)];
  const take = (n: number, field: NftField): NftField => {
    for (let i = 0; i < n; i++) c.next();
    return field;
  };
  if ((a === 'ip' || a === 'ip6') && (b === 'saddr' || b === 'daddr')) return take(2, { kind: 'addr', family: a, side: b });
  if (a === 'meta' && b === 'l4proto') return take(2, { kind: 'l4proto' });
  if (a === 'meta' && b === 'mark') return take(2, { kind: 'mark' });
  if (a === 'mark') return take(1, { kind: 'mark' });
  const iface = IFACE_KEYS.find((k) => k === (a === 'meta' ? b : a));
  if (iface !== undefined) return take(a === 'meta' ? 2 : 1, { kind: 'iface', key: iface });
  if (b === 'dport' || b === 'sport') {
    if (a === 'th') return take(2, { kind: 'port', side: b, protocol: null });
    const protocol = PROTOCOLS.find((p) => p === a);
    if (protocol !== undefined) return take(2, { kind: 'port', side: b, protocol });
  }
  if (a === 'ct' && (b === 'state' || b === 'status')) return take(2, { kind: 'ct', key: b });
  if (a === 'fib' && (b === 'saddr' || b === 'daddr') && c.peek(2) === 'type') return take(3, { kind: 'fib-type', side: b });
  if (a === 'numgen') {
    if (b !== 'random' || c.peek(2) !== 'mod') return `numgen ${b}: only "numgen random mod N" is modelled`;
    const mod = parseNftNumber(c.peek(3));
    if (mod === null || mod === 0) return `numgen random mod "${c.peek(3)}": the modulus must be a positive number`;
    return take(4, { kind: 'numgen', mod });
  }
  return null;
}

/** `FIELD . FIELD . ...`: a concatenation, or null when no field starts here. */
export function parseConcatenation(c: TokenCursor): readonly NftField[] | string | null {
  const first = parseField(c);
  if (first === null || typeof first === 'string') return first;
  const fields = [first];
  while (c.peek() === '.') {
    c.next();
    const f = parseField(c);
    if (f === null) return `"${c.peek()}" cannot follow "." in a concatenation`;
    if (typeof f === 'string') return f;
    fields.push(f);
  }
  return fields;
}
