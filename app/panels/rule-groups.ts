import type { EvaluatedRule, TableName } from '../../src/index';

/** A run of consecutively evaluated rules of one table and chain. */
export interface RuleGroup {
  readonly table: TableName;
  readonly chain: string;
  readonly rules: readonly EvaluatedRule[];
}

/**
 * The rules of a step grouped by table, then chain, keeping evaluation order:
 * a jump opens the target chain's group, and a return to the caller opens a
 * new group of the calling chain (FORWARD, KUBE-FORWARD, FORWARD again), so
 * reading the groups top to bottom follows the packet.
 */
export function groupRules(rules: readonly EvaluatedRule[]): RuleGroup[] {
  const groups: { table: TableName; chain: string; rules: EvaluatedRule[] }[] = [];
  for (const rule of rules) {
    const last = groups[groups.length - 1];
    if (last && last.table === rule.table && last.chain === rule.chain) last.rules.push(rule);
    else groups.push({ table: rule.table, chain: rule.chain, rules: [rule] });
  }
  return groups;
}
