import type { TracedRule } from '../../src/node-trace';

/** A pass's rules as shown: each rule that did something, and the runs of rules that did not match folded into one row. */
export type RuleRun =
  | { readonly kind: 'rule'; readonly rule: TracedRule }
  | { readonly kind: 'skipped'; readonly rules: readonly TracedRule[]; readonly key: string };

/** Shorter runs than this are shown rule by rule: folding two rows would hide more than it saves. */
const FOLD_FROM = 4;

/**
 * Folds the runs of `no-match` rules (KUBE-SERVICES with thousands of Services evaluates
 * thousands of them), so that a big node's trace renders in a moment and reads in one.
 */
export function ruleRuns(rules: readonly TracedRule[]): RuleRun[] {
  const out: RuleRun[] = [];
  let run: TracedRule[] = [];
  const flush = () => {
    if (run.length >= FOLD_FROM) out.push({ kind: 'skipped', rules: run, key: `${run[0]!.line}-${run.length}` });
    else for (const rule of run) out.push({ kind: 'rule', rule });
    run = [];
  };
  for (const rule of rules) {
    if (rule.verdict === 'no-match') run.push(rule);
    else {
      flush();
      out.push({ kind: 'rule', rule });
    }
  }
  flush();
  return out;
}
