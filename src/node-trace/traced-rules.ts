import type { EvaluatedRule } from '../netfilter/evaluated-rule';
import type { IptablesRuleDetail } from '../netfilter/rule-detail';
import type { DumpLines, NodeDump } from './read-node-dump';
import type { TracedRule } from './node-trace-types';

/**
 * The evaluator's rules with their line in the pasted text and the line as pasted. A rule
 * whose target was not modelled says so instead of "no target".
 */
export function tracedRules(
  dump: NodeDump,
  lines: DumpLines,
  evaluated: readonly EvaluatedRule[],
  targets: ReadonlyMap<number, string>,
): TracedRule[] {
  return evaluated.map((e) => {
    const line = lines[e.table]?.[e.chain]?.[e.position - 1] ?? 0;
    const target = targets.get(line);
    const text = dump.text[line] ?? e.text;
    let detail: IptablesRuleDetail = e.detail;
    if (e.verdict === 'continue' && target !== undefined) detail = { code: 'target-not-modelled', target };
    else if (e.verdict === 'continue' && isNotrack(text)) detail = { code: 'notrack' };
    return {
      line,
      table: e.table,
      chain: e.chain,
      position: e.position,
      text,
      verdict: e.verdict,
      detail,
      decided: e.decided,
    };
  });
}

/** Lines whose target was not modelled, with the target's name ("-j LOG"). */
export function unmodelledTargets(dump: NodeDump): Map<number, string> {
  const out = new Map<number, string>();
  for (const n of dump.notes) if (n.kind === 'not-modelled' && n.name?.startsWith('-j ')) out.set(n.line, n.name);
  return out;
}

/** `-j NOTRACK` or `-j CT --notrack`: the connection stays untracked (no NAT, no conntrack entry). */
export function isNotrack(text: string): boolean {
  return /(^|\s)-j NOTRACK(\s|$)/.test(text) || /(^|\s)-j CT(\s.*)?\s--notrack(\s|$)/.test(text);
}
