import type { Ruleset } from './ruleset';

/**
 * Prints the ruleset back as iptables-restore input: per table `*name`, the chain
 * declarations as given, every `-A` line as given (in input order), the `-X` lines,
 * then COMMIT. For kube-proxy's own restore input (declarations, rules, -X, COMMIT) and
 * for iptables-save output this reproduces the text exactly, minus comments and blank lines.
 *
 * @example formatIptablesRestore(unwrap(parseIptablesRestore(text))) === text // for kube-proxy's output
 */
export function formatIptablesRestore(ruleset: Ruleset): string {
  const out: string[] = [];
  for (const table of ruleset.tables) {
    out.push(`*${table.name}`);
    for (const d of table.declarations) out.push(`:${d.name} ${d.policy} ${d.counters}`);
    for (const rule of table.ruleOrder) out.push(rule.restoreText);
    for (const name of table.deleted) out.push(`-X ${name}`);
    out.push('COMMIT');
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
