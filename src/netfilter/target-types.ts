import type { Ipv4 } from '../net/ipv4';

/**
 * What a rule does once every match succeeded (`-j`/`-g`). Standard verdicts and
 * the target extensions kube-proxy writes (iptables-extensions(8)).
 */
export type Target =
  /** No `-j`: the rule only counts packets (kube-proxy's KUBE-FW "other traffic" rule). */
  | { readonly kind: 'none' }
  | { readonly kind: 'accept' }
  | { readonly kind: 'drop' }
  | { readonly kind: 'return' }
  | { readonly kind: 'jump'; readonly chain: string }
  | { readonly kind: 'goto'; readonly chain: string }
  /** `--reject-with`, defaulting to icmp-port-unreachable as libipt_REJECT does (icmp6-port-unreachable in ip6tables). */
  | { readonly kind: 'reject'; readonly rejectWith: string }
  /** `--to-destination IP[:PORT]`; a missing port keeps the packet's port. */
  | { readonly kind: 'dnat'; readonly ip: Ipv4; readonly port: number | null; readonly randomFully: boolean }
  | { readonly kind: 'snat'; readonly ip: Ipv4; readonly port: number | null; readonly randomFully: boolean }
  /**
   * ip6tables' `--to-destination [IP]:PORT` (or a bare IP), canonical: kube-proxy's IPv6
   * rules. The cluster's dataplane walk is IPv4 and passes over it; node-trace's IPv6 walk
   * applies it (see evaluateChain).
   */
  | { readonly kind: 'dnat6'; readonly ip: string; readonly port: number | null }
  /** ip6tables' `-j SNAT --to-source [IP]:PORT` (or a bare IP): applied to IPv6 packets only, as dnat6. */
  | { readonly kind: 'snat6'; readonly ip: string; readonly port: number | null }
  | {
      readonly kind: 'masquerade';
      readonly randomFully: boolean;
      readonly random: boolean;
      /** `--to-ports` as written ("1024-65535"), or null. */
      readonly toPorts: string | null;
    }
  /**
   * MARK in its kernel form (xt_MARK, revision 2): mark = (mark & ~mask) ^ value.
   * `--or-mark V` is V/V, `--xor-mark V` is V/0, `--set-mark V/M` is V/(V|M).
   */
  | { readonly kind: 'mark'; readonly value: number; readonly mask: number };

export type TargetKind = Target['kind'];
