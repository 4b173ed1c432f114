import type { IpFamily } from '../ip-address';
import type { NftFamily } from './table';

/** The words that differ between an IPv4 and an IPv6 proxier's rules. */
export interface FamilyWords {
  readonly family: NftFamily;
  /** `ip` / `ip6`, as in `ip daddr`. */
  readonly ipX: string;
  /** `ipv4_addr` / `ipv6_addr`, a set's key type. */
  readonly addrType: string;
  /** What "not localhost" is when NodePorts match every local address. */
  readonly noLocalhost: string;
}

export function familyWords(ipFamily: IpFamily): FamilyWords {
  return ipFamily === 'IPv6'
    ? { family: 'ip6', ipX: 'ip6', addrType: 'ipv6_addr', noLocalhost: 'ip6 daddr != ::1' }
    : { family: 'ip', ipX: 'ip', addrType: 'ipv4_addr', noLocalhost: 'ip daddr != 127.0.0.0/8' };
}
