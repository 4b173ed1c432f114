import { parseIpv4 } from './ipv4';
import { err, ok, type Result } from './result';

/** An IPv6 address in canonical RFC 5952 text ("fd00:10:244:1::2": lower case, no leading zeros, the longest zero run as `::`). */
export type Ipv6 = string & { readonly __brand: 'Ipv6' };

/** An IPv6 prefix: its network (host bits cleared) as a 128-bit number and its length. */
export interface Ipv6Cidr {
  readonly network: bigint;
  readonly prefix: number;
}

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/**
 * Reads IPv6 text into its 128-bit value (RFC 4291 section 2.2): eight hex groups of 1 to 4
 * digits, one `::` standing for one or more zero groups, an IPv4 dotted quad as the last 32
 * bits. A reason when it is not one; a zone (`%eth0`) is refused, as iptables refuses it.
 */
export function readIpv6Value(text: string): Result<bigint> {
  const bad = (why: string): Result<bigint> => err(`"${text}" is not an IPv6 address: ${why}`);
  if (!text.includes(':')) return bad('its groups are separated by ":" (fd00:10:96::a)');
  if (text.includes('%')) return bad('a zone (%...) is not part of an address');
  const halves = text.split('::');
  if (halves.length > 2) return bad('"::" may appear only once');
  const groups: number[][] = [];
  for (const half of halves) {
    const out: number[] = [];
    const parts = half === '' ? [] : half.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (i === parts.length - 1 && i < 7 && p.includes('.')) {
        const v4 = parseIpv4(p);
        if (!v4.ok) return bad(`"${p}" is not an IPv4 address`);
        const o = v4.value.split('.').map(Number);
        out.push((o[0]! << 8) | o[1]!, (o[2]! << 8) | o[3]!);
      } else if (HEX_GROUP.test(p)) out.push(parseInt(p, 16));
      else return bad(p === '' ? 'an empty group (a single ":" at an end, or ":::")' : `"${p}" is not a group of 1 to 4 hex digits`);
    }
    groups.push(out);
  }
  const [head = [], tail = []] = groups;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0)
    return bad(halves.length === 2 ? 'too many groups around "::"' : `it has ${head.length} groups, not 8 (or "::")`);
  let n = 0n;
  for (const g of [...head, ...new Array<number>(missing).fill(0), ...tail]) n = (n << 16n) | BigInt(g);
  return ok(n);
}

/**
 * The RFC 5952 text of a 128-bit value, as inet_ntop (and so conntrack, ip6tables-save and
 * nft) prints it: lower-case hex without leading zeros, the longest run of two or more zero
 * groups (the first on a tie) as `::`.
 */
export function formatIpv6(value: bigint): Ipv6 {
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':') as Ipv6;
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}` as Ipv6;
}

/**
 * Parses IPv6 text into its canonical form ("FD00:0010:0244:0001:0000:0000:0000:0002" ->
 * "fd00:10:244:1::2"), or says what is wrong with it.
 *
 * @example parseIpv6('fd00:10:96:0::a') // ok('fd00:10:96::a')
 */
export function parseIpv6(text: string): Result<Ipv6> {
  const value = readIpv6Value(text);
  return value.ok ? ok(formatIpv6(value.value)) : value;
}

/** True when the text is IPv6 (it has a colon: an IPv4 address never does), for telling the families apart. */
export function looksLikeIpv6(text: string): boolean {
  return text.includes(':');
}

/** The mask of a prefix length, as a 128-bit number. */
export function ipv6Mask(prefix: number): bigint {
  return ((1n << 128n) - 1n) ^ ((1n << BigInt(128 - prefix)) - 1n);
}

/**
 * Parses "fd00:10:244::/64" (a bare address is /128). Host bits must be zero, as parseCidr
 * asks of IPv4 (a node fact with them set is almost always a typo).
 */
export function parseIpv6Cidr(text: string): Result<Ipv6Cidr> {
  const [addr = '', len, extra] = text.split('/');
  if (extra !== undefined) return err(`"${text}" is not an IPv6 prefix such as fd00:10:244::/64`);
  const value = readIpv6Value(addr);
  if (!value.ok) return value;
  const prefix = len === undefined ? 128 : /^[0-9]{1,3}$/.test(len) ? Number(len) : NaN;
  if (!(prefix >= 0 && prefix <= 128)) return err(`"${text}" is not an IPv6 prefix: the prefix length must be 0 to 128`);
  const network = value.value & ipv6Mask(prefix);
  if (network !== value.value) return err(`"${text}" has host bits set: did you mean ${formatIpv6(network)}/${prefix}?`);
  return ok({ network, prefix });
}

/** True when the address (its 128-bit value) lies inside the prefix. */
export function ipv6CidrContains(cidr: Ipv6Cidr, value: bigint): boolean {
  return (value & ipv6Mask(cidr.prefix)) === cidr.network;
}
