import { formatRuleSave } from './format-rule-save';
import type { Rule } from './ruleset';

/** Each rule's text once formatted, for as long as the rule lives (a walk meets the same rules packet after packet). */
const saveTexts = new WeakMap<Rule, string>();

/**
 * The rule as `iptables-save` (1.8.9) prints it back from the kernel (see formatRuleSave),
 * formatted the first time it is asked for: the parser does not format 320,000 rules of
 * which a packet meets a few.
 *
 * @example ruleSaveText(unwrap(parseRule('-A X -s 10.0.0.1 -j ACCEPT'))) // "-A X -s 10.0.0.1/32 -j ACCEPT"
 */
export function ruleSaveText(rule: Rule): string {
  let text = saveTexts.get(rule);
  if (text === undefined) {
    text = formatRuleSave(rule);
    saveTexts.set(rule, text);
  }
  return text;
}
