import { useState } from 'react';
import type { TablePass, TracedRule } from '../../src/node-trace';
import type { NodeStrings } from '../i18n/node-strings';
import type { PanelStrings } from '../i18n/panel-strings';
import { RuleRow } from '../panels/RuleRow';
import { LineButton } from './LineButton';
import { ruleRuns } from './rule-runs';

/** Unfolded at most this many rows at a time: a run of 10,000 rules would stall the page. */
const UNFOLD_LIMIT = 500;

interface PathProps {
  readonly passes: readonly TablePass[];
  readonly t: NodeStrings;
  readonly panel: PanelStrings;
  readonly onShow: (line: number) => void;
}

/** The path hook by hook: each table's chain at each hook, its verdict, and the rules it evaluated with their lines. */
export function NodePath({ passes, t, panel, onShow }: PathProps) {
  return (
    <section className="pw-node-path" aria-label={t.path}>
      <h3>{t.path}</h3>
      <ol className="pw-node-passes">
        {passes.map((pass, i) => (
          <li key={`${pass.hook}-${pass.table}-${i}`} data-id="node-pass" data-verdict={pass.verdict}>
            <h4>{t.pass(pass.table, pass.hook, t.verdicts[pass.verdict], pass.byPolicy)}</h4>
            {pass.rules.length === 0 ? (
              <p className="pw-empty">{t.noRules}</p>
            ) : (
              <PassRules rules={pass.rules} t={t} panel={panel} onShow={onShow} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function PassRules({ rules, t, panel, onShow }: { readonly rules: readonly TracedRule[] } & Omit<PathProps, 'passes'>) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const row = (rule: TracedRule, key: string) => (
    <RuleRow
      key={key}
      rule={rule}
      verdict={panel.verdicts[rule.verdict]}
      decides={panel.decides}
      lead={<LineButton line={rule.line} t={t} onShow={onShow} />}
    />
  );
  return (
    <ol className="pw-rules pw-node-rules">
      {ruleRuns(rules).map((run) => {
        if (run.kind === 'rule') return row(run.rule, `r${run.rule.line}-${run.rule.position}`);
        if (open.has(run.key)) return run.rules.slice(0, UNFOLD_LIMIT).map((r) => row(r, `r${r.line}-${r.position}`));
        const first = run.rules[0]!.line;
        const last = run.rules[run.rules.length - 1]!.line;
        return (
          <li key={run.key} className="pw-node-skipped">
            <button type="button" data-id="node-unfold" aria-expanded="false" onClick={() => setOpen(new Set(open).add(run.key))}>
              {t.skipped(run.rules.length, Math.min(first, last), Math.max(first, last))}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
