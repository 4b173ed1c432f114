/**
 * The `-m` match extensions kube-proxy uses (iptables-extensions(8)), each pre-parsed
 * into numbers where the kernel compares numbers.
 */

/** conntrack states as `-m conntrack --ctstate` names them. */
export type CtState = 'INVALID' | 'NEW' | 'RELATED' | 'ESTABLISHED' | 'UNTRACKED' | 'SNAT' | 'DNAT';

/** The order libxt_conntrack prints states in (conntrack_dump_states), and their bits. */
export const CT_STATES: readonly CtState[] = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'];

export function ctStateBit(state: CtState): number {
  return 1 << CT_STATES.indexOf(state);
}

/** A port or port range ("80", "30000:32767"), optionally negated. */
export interface PortMatch {
  readonly negated: boolean;
  readonly from: number;
  readonly to: number;
}

export interface CommentMatch {
  readonly kind: 'comment';
  readonly comment: string;
}

/** `-m tcp|udp|sctp [--sport P] [--dport P]`; `implicit` when `-p tcp --dport` loaded it. */
export interface PortsMatch {
  readonly kind: 'ports';
  readonly module: 'tcp' | 'udp' | 'sctp';
  readonly sport: PortMatch | null;
  readonly dport: PortMatch | null;
}

/**
 * `-m statistic --mode random --probability P`. libxt_statistic stores
 * `threshold = lround(P * 2^31)`; xt_statistic matches when
 * `(get_random_u32() & 0x7fffffff) < threshold`.
 */
export interface StatisticMatch {
  readonly kind: 'statistic';
  readonly negated: boolean;
  /** The probability exactly as written ("0.3333333333"). */
  readonly probabilityText: string;
  readonly threshold: number;
}

export type RecentMode = 'set' | 'rcheck' | 'update' | 'remove';

/** `-m recent` (xt_recent): a named list of addresses with last-seen times. */
export interface RecentMatch {
  readonly kind: 'recent';
  readonly negated: boolean;
  readonly mode: RecentMode;
  readonly name: string;
  readonly seconds: number | null;
  readonly reap: boolean;
  /** The address mask (default 255.255.255.255) as a number. */
  readonly mask: number;
  /** --rsource (default) keys the list by source address, --rdest by destination. */
  readonly side: 'source' | 'dest';
}

/** `-m mark [!] --mark V[/M]`: matches when (skb mark & M) == V. */
export interface MarkMatch {
  readonly kind: 'mark';
  readonly negated: boolean;
  readonly value: number;
  readonly mask: number;
}

/** `-m conntrack [!] --ctstate A,B`: `bits` ORs the states' bits. */
export interface ConntrackMatch {
  readonly kind: 'conntrack';
  readonly negated: boolean;
  readonly states: readonly CtState[];
  readonly bits: number;
}

export interface AddrTypeCheck {
  readonly negated: boolean;
  /** LOCAL, UNICAST, ... (only LOCAL is simulated). */
  readonly type: string;
}

/** `-m addrtype [!] --src-type T [!] --dst-type T`. */
export interface AddrTypeMatch {
  readonly kind: 'addrtype';
  readonly src: AddrTypeCheck | null;
  readonly dst: AddrTypeCheck | null;
}

/**
 * `-m physdev [!] --physdev-is-in`: did the packet come in through a bridge port (br_netfilter
 * keeps the port it entered by)? kube-proxy's IPVS mode uses it to tell a pod's packet
 * (in through cbr0's ports) from one off the wire.
 */
export interface PhysdevMatch {
  readonly kind: 'physdev';
  readonly negated: boolean;
}

/** `-m nfacct --nfacct-name N`: a counter; always matches. */
export interface NfacctMatch {
  readonly kind: 'nfacct';
  readonly name: string;
}

/** `-m set [!] --match-set NAME FLAGS`: kept for display; ipsets are not simulated. */
export interface SetMatch {
  readonly kind: 'set';
  readonly negated: boolean;
  readonly name: string;
  readonly flags: string;
}

/** `-m multiport [!] --dports|--sports|--ports LIST` (xt_multiport, revision 1). */
export interface MultiportMatch {
  readonly kind: 'multiport';
  readonly negated: boolean;
  /** Which of the packet's ports it reads: `--ports` either. */
  readonly side: 'dst' | 'src' | 'both';
  /** The list as written ("53,8000:8080"). */
  readonly list: string;
  readonly ranges: readonly { readonly from: number; readonly to: number }[];
}

/**
 * A match (or a module's option) the engine does not model, kept from a rule it did not
 * write (a node's own dump: `-m u32`, `-m physdev`, `--tcp-flags`). kube-proxy's rules
 * never hold one; the parser never makes one (src/node-trace does). `assumed` says whether
 * it counts as matching: the kernel's answer is unknown, so the user decides.
 */
export interface UnmodelledMatch {
  readonly kind: 'unmodelled';
  /** How it reads in the rule ("-m u32", "-m tcp --tcp-flags"). */
  readonly name: string;
  /** The words as pasted ("-m u32 --u32 \"0x0>>0x16&0x3c@0x0>>0x10=0x50\""). */
  readonly text: string;
  readonly assumed: boolean;
}

export type Match =
  | CommentMatch
  | PortsMatch
  | StatisticMatch
  | RecentMatch
  | MarkMatch
  | ConntrackMatch
  | AddrTypeMatch
  | PhysdevMatch
  | NfacctMatch
  | SetMatch
  | MultiportMatch
  | UnmodelledMatch;
