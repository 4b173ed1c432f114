import { useState } from 'react';
import type { TracedRule } from '../../src/node-trace';
import type { NodeStrings } from '../i18n/node-strings';
import type { PanelStrings } from '../i18n/panel-strings';
import { RuleRow } from '../panels/RuleRow';
import { LineButton } from './LineButton';
import type { FoldedPass, RuleRun } from './rule-runs';

interface PathProps {
  readonly passes: readonly FoldedPass[];
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
          <li key={`${pass.hook}-${pass.nft?.chain ?? pass.table}-${i}`} data-id="node-pass" data-verdict={pass.verdict}>
            <h4>
              {pass.nft
                ? t.nftPass(pass.nft.table, pass.nft.chain, pass.hook, pass.nft.priority, t.verdicts[pass.verdict], pass.byPolicy)
                : t.pass(pass.table, pass.hook, t.verdicts[pass.verdict], pass.byPolicy)}
            </h4>
            {pass.runs.length === 0 ? (
              <p className="pw-empty">{t.noRules}</p>
            ) : (
              <PassRules runs={pass.runs} t={t} panel={panel} onShow={onShow} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function PassRules({ runs, t, panel, onShow }: { readonly runs: readonly RuleRun[] } & Omit<PathProps, 'passes'>) {
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
      {runs.map((run) => {
        if (run.kind === 'rule') return row(run.rule, `r${run.rule.line}-${run.rule.position}`);
        if (open.has(run.key)) return run.rules.map((r) => row(r, `r${r.line}-${r.position}`));
        return (
          <li key={run.key} className="pw-node-skipped">
            <button type="button" data-id="node-unfold" aria-expanded="false" onClick={() => setOpen(new Set(open).add(run.key))}>
              {t.skipped(run.count, run.from, run.to)}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
