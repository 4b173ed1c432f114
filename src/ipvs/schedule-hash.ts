import { ipv4ToNumber, type Ipv4 } from '../net/ipv4';
import type { RealServer } from './types';

/** CONFIG_IP_VS_SH_TAB_BITS / CONFIG_IP_VS_DH_TAB_BITS default: 8, a 256-bucket table. */
export const HASH_TAB_BITS = 8;
export const HASH_TAB_SIZE = 1 << HASH_TAB_BITS;
const TAB_MASK = HASH_TAB_SIZE - 1;

/** include/linux/hash.h `hash_32`: (val * GOLDEN_RATIO_32) >> (32 - bits), in u32. */
export function hash32(val: number, bits: number): number {
  return Math.imul(val >>> 0, 0x61c88647) >>> (32 - bits);
}

/**
 * ip_vs_sh.c `ip_vs_sh_hashkey`: hash_32(port + addr, 8), with port 0 because kube-proxy
 * never sets the sh-port flag (IP_VS_SVC_F_SCHED_SH_PORT).
 */
export function shBucket(clientIp: Ipv4): number {
  return hash32(ipv4ToNumber(clientIp), HASH_TAB_BITS) & TAB_MASK;
}

/** ip_vs_dh.c `ip_vs_dh_hashkey`: (addr * 2654435761) & 255. */
export function dhBucket(destIp: Ipv4): number {
  return Math.imul(ipv4ToNumber(destIp) >>> 0, 2654435761 >>> 0) & TAB_MASK;
}

/**
 * ip_vs_sh.c `ip_vs_sh_reassign`: fill the 256 buckets walking the dest list, giving
 * each dest `weight` consecutive buckets (a weight 0 dest still gets one, because the
 * kernel tests `++d_count >= weight`). Entries are indexes into `dests`; -1 = empty.
 */
export function shTable(dests: readonly RealServer[]): readonly number[] {
  const table: number[] = [];
  let p = 0;
  let count = 0;
  for (let i = 0; i < HASH_TAB_SIZE; i++) {
    const d = dests[p];
    if (d === undefined) {
      table.push(-1);
      continue;
    }
    table.push(p);
    if (++count >= d.weight) {
      p = (p + 1) % dests.length;
      count = 0;
    }
  }
  return table;
}

/** ip_vs_dh.c `ip_vs_dh_reassign`: one bucket per dest in list order, round and round. */
export function dhTable(dests: readonly RealServer[]): readonly number[] {
  const table: number[] = [];
  for (let i = 0; i < HASH_TAB_SIZE; i++) table.push(dests.length === 0 ? -1 : i % dests.length);
  return table;
}

/**
 * ip_vs_sh.c `ip_vs_sh_schedule` without the sh-fallback flag (kube-proxy sets none): the
 * bucket's dest, or nothing if it is unavailable (weight 0). No other dest is tried.
 */
export function scheduleSh(dests: readonly RealServer[], clientIp: Ipv4): number | null {
  const i = shTable(dests)[shBucket(clientIp)] ?? -1;
  const d = dests[i];
  return d !== undefined && d.weight > 0 ? i : null;
}

/** ip_vs_dh.c `ip_vs_dh_schedule`: the bucket of the destination (virtual) address. */
export function scheduleDh(dests: readonly RealServer[], destIp: Ipv4): number | null {
  const i = dhTable(dests)[dhBucket(destIp)] ?? -1;
  const d = dests[i];
  return d !== undefined && d.weight > 0 ? i : null;
}
