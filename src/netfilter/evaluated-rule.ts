import type { IptablesRuleDetail } from './rule-detail';

/** The tables kube-proxy and the kernel use, in the order netfilter runs them at a hook. */
export type TableName = 'raw' | 'mangle' | 'nat' | 'filter';

/**
 * What a rule did to the packet when it was evaluated:
 * - 'no-match': a match failed (see `detail` for which);
 * - 'jump': it matched and jumped to a user chain (`detail` names it);
 * - 'goto', 'return', 'continue' (a non-terminating target such as MARK or KUBE-MARK-MASQ's MARK);
 * - the terminal verdicts 'accept', 'drop', 'reject', 'dnat', 'snat', 'masquerade'.
 */
export type RuleVerdict =
  'no-match' | 'jump' | 'goto' | 'return' | 'continue' | 'accept' | 'drop' | 'reject' | 'dnat' | 'snat' | 'masquerade';

/** One rule as the evaluator met it, for the rules panel and the CLI. */
export interface EvaluatedRule {
  readonly table: TableName;
  readonly chain: string;
  /** 1-based position in its chain, as `iptables -L --line-numbers` numbers it. */
  readonly position: number;
  /** The rule in iptables-save syntax ("-A KUBE-SERVICES -d 10.96.0.10/32 -p tcp ..."). */
  readonly text: string;
  readonly verdict: RuleVerdict;
  /** Why, as a code and its parameters; `ruleDetailText` says it: "statistic: 0.73 >= 0.50", "--to-destination 10.244.2.3:8080". */
  readonly detail: IptablesRuleDetail;
  /** True for the rule whose verdict decided the hook's outcome for this table. */
  readonly decided: boolean;
}
