import type { NftRuleDetail } from '../netfilter/rule-detail';

/**
 * What a rule did when it was evaluated:
 * - 'no-match': a match failed, or a verdict map had no element for the key (see `detail`);
 * - 'continue': every statement ran and none gave a verdict (a counter, a mark, a set update);
 * - 'jump', 'goto', 'return': where the walk went next;
 * - 'accept', 'drop', 'reject', 'dnat', 'snat', 'masquerade': the verdicts that end the base chain.
 */
export type NftRuleVerdict =
  'no-match' | 'continue' | 'jump' | 'goto' | 'return' | 'accept' | 'drop' | 'reject' | 'dnat' | 'snat' | 'masquerade';

/** One lookup a rule made in a set or map: the key built from the packet and the element that held it. */
export interface NftLookup {
  /** `service-ips`, or `vmap { ... }` for a map written in the rule. */
  readonly set: string;
  /** `172.30.0.41 . tcp . 80`. */
  readonly key: string;
  /** The element's key as written (`10.0.0.0/8` for a prefix), or null: no element. */
  readonly element: string | null;
  /** A verdict map's value for it: `goto service-ULMVA6XW-ns1/svc1/tcp/p80`. */
  readonly value?: string;
}

/** One rule as the evaluator met it, for the nftables panel and the CLI. */
export interface EvaluatedNftRule {
  /** `ip kube-proxy`. */
  readonly table: string;
  readonly chain: string;
  /** 1-based position in its chain. */
  readonly position: number;
  /** The rule as written, without its comment. */
  readonly text: string;
  readonly comment?: string;
  readonly verdict: NftRuleVerdict;
  /** Why, as a code and its parameters; `ruleDetailText` says it: "no element 172.30.0.41 . tcp . 81 in @service-ips". */
  readonly detail: NftRuleDetail;
  readonly lookups: readonly NftLookup[];
  /** True for the rule whose verdict ended its base chain. */
  readonly decided: boolean;
}
