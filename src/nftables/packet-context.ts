import type { NftFamily } from '../kube-proxy/nftables/table';

/** The headers an nftables rule reads: addresses of either family, and a TCP, UDP or SCTP port pair (ICMP has none). */
export interface NftPacket {
  readonly family: NftFamily;
  readonly saddr: string;
  readonly daddr: string;
  readonly l4proto: 'tcp' | 'udp' | 'sctp' | 'icmp' | 'icmpv6';
  readonly sport: number;
  readonly dport: number;
}

/** conntrack's view of the packet's connection (`ct state`, `ct status`). */
export type NftCtState = 'new' | 'established' | 'related' | 'invalid' | 'untracked';

/** A packet with the kernel state a rule reads and writes. */
export interface NftPacketContext {
  readonly packet: NftPacket;
  /** skb->mark (`meta mark`). */
  readonly mark: number;
  readonly ctState: NftCtState;
  /** Status bits of its connection that `ct status` names: `dnat`, `snat`, `confirmed`... */
  readonly ctStatus: readonly string[];
  /** The device the packet came in on at this hook (`iifname`, `iif`); absent when it has none (OUTPUT). */
  readonly iif?: string;
  /** The device it leaves on (`oifname`, `oif`); absent before routing (PREROUTING, INPUT). */
  readonly oif?: string;
}

/** A dynamic set's element added by the data path (`update @set { ip saddr }`), with when it expires. */
export interface NftDynamicElement {
  readonly key: readonly string[];
  /** Simulated seconds. */
  readonly expires: number;
}

/** Elements added by `update`/`add` statements, by "family table set" ("ip kube-proxy affinity-..."). Plain data. */
export type NftDynamicSets = Readonly<Record<string, readonly NftDynamicElement[]>>;

/** What the evaluator needs from the node and the simulation. */
export interface NftEnv {
  /**
   * `numgen random mod N`: a number in [0, N). The engine draws it from the scenario's
   * seeded generator (seededNumgen); a test can script it.
   */
  readonly numgen: (mod: number) => number;
  /** Simulated seconds, for set element timeouts. */
  readonly now: number;
  /** `fib daddr type local`: is this one of the node's own addresses? */
  readonly isLocalAddress: (ip: string) => boolean;
  readonly dynamicSets: NftDynamicSets;
}
