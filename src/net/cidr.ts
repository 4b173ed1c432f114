import { ipv4ToNumber, numberToIpv4, parseIpv4, type Ipv4 } from './ipv4';
import { err, ok, type Result } from './result';

/** An IPv4 CIDR block: its network address (host bits cleared) and prefix length. */
export interface Cidr {
  readonly network: Ipv4;
  readonly prefix: number;
}

/**
 * Parses "10.244.1.0/24". A bare address is read as /32. Host bits must be zero
 * (Go's net.ParseCIDR would silently mask them; a scenario that sets them is
 * almost always a typo, so we say so).
 */
export function parseCidr(text: string): Result<Cidr> {
  const [addr, len, extra] = text.split('/');
  if (extra !== undefined || addr === undefined) return err(`"${text}" is not a CIDR such as 10.244.0.0/16`);
  const ip = parseIpv4(addr);
  if (!ip.ok) return err(`"${text}" is not a CIDR: ${ip.error}`);
  const prefix = len === undefined ? 32 : /^[0-9]{1,2}$/.test(len) ? Number(len) : NaN;
  if (!(prefix >= 0 && prefix <= 32)) return err(`"${text}" is not a CIDR: the prefix length must be 0 to 32`);
  const network = ipv4ToNumber(ip.value) & maskOf(prefix);
  if (network >>> 0 !== ipv4ToNumber(ip.value)) {
    return err(`"${text}" has host bits set: did you mean ${numberToIpv4(network)}/${prefix}?`);
  }
  return ok({ network: ip.value, prefix });
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
}

/** True when the address lies inside the block. */
export function cidrContains(cidr: Cidr, ip: Ipv4): boolean {
  const mask = maskOf(cidr.prefix);
  return (ipv4ToNumber(ip) & mask) >>> 0 === (ipv4ToNumber(cidr.network) & mask) >>> 0;
}

/** "10.244.1.0/24". */
export function formatCidr(cidr: Cidr): string {
  return `${cidr.network}/${cidr.prefix}`;
}

/** The n-th address of the block (0 is the network address). */
export function nthAddress(cidr: Cidr, n: number): Ipv4 {
  return numberToIpv4(ipv4ToNumber(cidr.network) + n);
}

/** How many addresses the block holds. */
export function cidrSize(cidr: Cidr): number {
  return 2 ** (32 - cidr.prefix);
}
