import type { TableName } from '../netfilter/evaluated-rule';
import type { HookName } from '../netfilter/ruleset';

/**
 * The iptables tables each hook runs, in the kernel's priority order (NF_IP_PRI_RAW -300,
 * conntrack -200, MANGLE -150, NAT_DST -100, FILTER 0, SECURITY 50, NAT_SRC 100): raw
 * before conntrack sees the packet, DNAT before filter, SNAT last. The security table is
 * not traced.
 */
export const HOOK_TABLES: Readonly<Record<HookName, readonly TableName[]>> = {
  PREROUTING: ['raw', 'mangle', 'nat'],
  INPUT: ['mangle', 'filter', 'nat'],
  FORWARD: ['mangle', 'filter'],
  OUTPUT: ['raw', 'mangle', 'nat', 'filter'],
  POSTROUTING: ['mangle', 'nat'],
};
