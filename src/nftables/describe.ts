import type { NftField, NftVerdict } from './rule-types';

/** A field as a rule spells it: `ip daddr`, `meta l4proto`, `th dport`, `numgen random mod 2`. */
export function describeField(f: NftField): string {
  switch (f.kind) {
    case 'addr':
      return `${f.family} ${f.side}`;
    case 'l4proto':
      return 'meta l4proto';
    case 'port':
      return `${f.protocol ?? 'th'} ${f.side}`;
    case 'mark':
      return 'meta mark';
    case 'ct':
      return `ct ${f.key}`;
    case 'fib-type':
      return `fib ${f.side} type`;
    case 'numgen':
      return `numgen random mod ${f.mod}`;
    case 'iface':
      return f.key;
  }
}

/** `goto service-...`, `drop`, `reject with icmp type port-unreachable`. */
export function verdictText(v: NftVerdict): string {
  if (v.kind === 'jump' || v.kind === 'goto') return `${v.kind} ${v.chain}`;
  if (v.kind === 'reject') return v.with === null ? 'reject' : `reject with ${v.with}`;
  return v.kind;
}
