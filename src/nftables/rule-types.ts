/*
 * A rule as statements, parsed from the text kube-proxy writes or nft lists. Only what
 * kube-proxy's nftables mode uses is here; anything else is a parse error naming it.
 */

/** Something a rule reads from the packet or its context: one part of a (concatenated) key. */
export type NftField =
  | { readonly kind: 'addr'; readonly family: 'ip' | 'ip6'; readonly side: 'saddr' | 'daddr' }
  | { readonly kind: 'l4proto' }
  /** `th dport` (any transport header), or `tcp dport`, which also requires that protocol. */
  | { readonly kind: 'port'; readonly side: 'sport' | 'dport'; readonly protocol: 'tcp' | 'udp' | 'sctp' | null }
  | { readonly kind: 'mark' }
  | { readonly kind: 'ct'; readonly key: 'state' | 'status' }
  | { readonly kind: 'fib-type'; readonly side: 'saddr' | 'daddr' }
  | { readonly kind: 'numgen'; readonly mod: number }
  /** `iifname`/`oifname` (a name, `"veth*"` a prefix), `iif`/`oif` (a device, listed by its name): meta's in and out device. */
  | { readonly kind: 'iface'; readonly key: 'iifname' | 'oifname' | 'iif' | 'oif' };

/** The right-hand side of a match: values written in the rule, or a named set. */
export type NftRhs = { readonly kind: 'values'; readonly values: readonly string[] } | { readonly kind: 'set'; readonly name: string };

/** A verdict: what a rule or a verdict-map element does with the packet. */
export type NftVerdict =
  | { readonly kind: 'accept' | 'drop' | 'return' | 'continue' }
  | { readonly kind: 'reject'; readonly with: string | null }
  | { readonly kind: 'jump' | 'goto'; readonly chain: string };

/** A verdict map: a named one, or written inline (`{ 0 : goto a , 1 : goto b }`). */
export type NftVmapRef =
  | { readonly kind: 'named'; readonly name: string }
  | { readonly kind: 'inline'; readonly entries: readonly { readonly key: readonly string[]; readonly verdict: NftVerdict }[] };

export type NftStatement =
  /** `FIELDS [==|!=] RHS`; `mask` for `meta mark & 0x4000 == 0`. */
  | {
      readonly kind: 'match';
      readonly fields: readonly NftField[];
      readonly negated: boolean;
      readonly rhs: NftRhs;
      readonly mask?: number;
    }
  | { readonly kind: 'vmap'; readonly fields: readonly NftField[]; readonly map: NftVmapRef }
  /** `meta mark set meta mark | X` (or), `^ X` (xor), `& X` (and), or a plain value (set). */
  | { readonly kind: 'mark-set'; readonly op: 'or' | 'xor' | 'and' | 'set'; readonly value: number }
  /** `update @set { ip saddr }` / `add @set { ... }`: put the packet's key in a dynamic set. */
  | { readonly kind: 'set-update'; readonly op: 'update' | 'add'; readonly set: string; readonly fields: readonly NftField[] }
  | { readonly kind: 'counter' }
  | { readonly kind: 'dnat' | 'snat'; readonly ip: string; readonly port: number | null }
  | { readonly kind: 'masquerade'; readonly flags: readonly string[] }
  | { readonly kind: 'verdict'; readonly verdict: NftVerdict }
  /**
   * An expression or statement of a node's own ruleset that the evaluator does not model
   * (`iifname "cali*"`, `xt match "policy"`, `log prefix ...`), kept so the rule reads on.
   * A `match` fails unless `assumed` (the user said it matches); an `effect` only passes.
   * kube-proxy's rules never hold one: only the node-trace reader puts it in.
   */
  | {
      readonly kind: 'unmodelled';
      readonly name: string;
      readonly text: string;
      readonly role: 'match' | 'effect';
      readonly assumed: boolean;
    };

/** A rule's statements, in order, and its text as written (without the comment). */
export interface NftParsedRule {
  readonly text: string;
  readonly statements: readonly NftStatement[];
}
