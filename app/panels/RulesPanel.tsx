import { memo, useId, useMemo } from 'react';
import { isPacketStep, type EvaluatedRule, type RulesDiff } from '../../src/index';
import { nftUiStrings } from '../i18n/nftui-strings';
import type { PanelStrings } from '../i18n/panel-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectCurrentStep, selectLang } from '../store/selectors';
import { missingFrom } from './evidence';
import { noRulesReason } from './no-rules-reason';
import { PacketCostNote } from './PacketCostNote';
import { PanelSection } from './PanelSection';
import { RuleRow } from './RuleRow';
import { groupRules, type RuleGroup } from './rule-groups';
import { usePanelStrings } from './usePanelStrings';
import { useRowsShown } from './useRowsShown';

const NO_RULES: readonly EvaluatedRule[] = [];

/**
 * The rules the current step evaluated, in iptables-save syntax, by table and chain, the deciding one marked.
 * A long list (a thousand Services' KUBE-SERVICES) is drawn over a few frames, first rows first (useRowsShown.ts).
 */
export function RulesPanel() {
  const step = useAppStore(selectCurrentStep);
  const t = usePanelStrings();
  const rules = step && isPacketStep(step) ? step.rules : NO_RULES;
  const groups = useMemo(() => groupRules(rules), [rules]);
  const shown = useRowsShown(rules.length, rules);
  const decided = rules.some((r) => r.decided);
  const nft = nftUiStrings[useAppStore(selectLang)];
  return (
    <PanelSection title={t.rules} name="rules">
      {!step ? (
        <p className="pw-panel-note">{t.noStep}</p>
      ) : step.rulesDiff ? (
        <RulesDiffView diff={step.rulesDiff} node={step.node ?? ''} t={t} />
      ) : groups.length === 0 ? (
        <p className="pw-empty" data-id="rules-empty">
          {/* nftables mode: the hook ran kube-proxy's nftables chains, which have a panel of their own. */}
          {isPacketStep(step) && step.nftRules.length > 0 ? nft.rulesInNftPanel : noRulesReason(step, t)}
        </p>
      ) : (
        <>
          {groups.map((g, i) => {
            const before = firstRowOf(groups, i);
            return before < shown && <RuleGroupView key={i} group={g} rows={shown - before} t={t} />;
          })}
          {!decided && <p className="pw-panel-note">{t.noDecision}</p>}
        </>
      )}
      <PacketCostNote />
    </PanelSection>
  );
}

/** How many rules the groups before group `i` hold. */
function firstRowOf(groups: readonly RuleGroup[], i: number): number {
  let n = 0;
  for (let j = 0; j < i; j++) n += groups[j]!.rules.length;
  return n;
}

/** A group's heading and its first `rows` rules (all of them once the list is drawn). */
function RuleGroupView({ group, rows, t }: { group: RuleGroup; rows: number; t: PanelStrings }) {
  const headingId = useId();
  return (
    <div className="pw-rule-group" data-table={group.table} data-chain={group.chain}>
      <h3 className="pw-rule-chain" id={headingId}>
        {group.table} / {group.chain}
      </h3>
      {/* Scrolls sideways as a whole: rule text never wraps, as iptables-save prints it. */}
      <div className="pw-scroll" role="group" aria-labelledby={headingId} tabIndex={0} data-scroll-keys="">
        <ol className="pw-rules">
          {group.rules.slice(0, rows).map((rule) => (
            <RuleItem key={rule.position} rule={rule} t={t} />
          ))}
        </ol>
      </div>
    </div>
  );
}

/** Memoised: a frame that adds rows re-renders none of those already drawn. */
const RuleItem = memo(function RuleItem({ rule, t }: { rule: EvaluatedRule; t: PanelStrings }) {
  return <RuleRow rule={rule} verdict={t.verdicts[rule.verdict]} decides={t.decides} />;
});

/**
 * A kube-proxy-sync step: the lines of the node's tables the sync added (green, "+")
 * and removed (red, "-"), in iptables-save syntax; in IPVS mode `ipvsadm -Ln` before
 * and after; and the conntrack entries kube-proxy's stale-UDP cleanup deleted.
 */
function RulesDiffView({ diff, node, t }: { diff: RulesDiff; node: string; t: PanelStrings }) {
  return (
    <div className="pw-rules-diff" data-id="rules-diff">
      {diff.tables.length === 0 && <p className="pw-empty">{t.rulesDiff.unchanged}</p>}
      {diff.tables.map((table) => (
        <div key={table.table} className="pw-rule-group" data-table={table.table}>
          <h3 className="pw-rule-chain">{t.rulesDiff.heading(node, table.table)}</h3>
          <div className="pw-scroll" tabIndex={0} data-scroll-keys="">
            <pre className="pw-diff">
              {table.removed.map((line, i) => (
                <DiffLine key={`r${i}`} sign="-" line={line} label={t.rulesDiff.removed} />
              ))}
              {table.added.map((line, i) => (
                <DiffLine key={`a${i}`} sign="+" line={line} label={t.rulesDiff.added} />
              ))}
            </pre>
          </div>
        </div>
      ))}
      {diff.ipvs && (
        <>
          <h3 className="pw-rule-chain">{t.rulesDiff.ipvsBefore}</h3>
          <div className="pw-scroll" tabIndex={0} data-scroll-keys="">
            <pre className="pw-diff" data-id="ipvs-before">
              {diff.ipvs.before.join('\n')}
            </pre>
          </div>
          <h3 className="pw-rule-chain">{t.rulesDiff.ipvsAfter}</h3>
          <div className="pw-scroll" tabIndex={0} data-scroll-keys="">
            <pre className="pw-diff" data-id="ipvs-after">
              {diff.ipvs.after.join('\n')}
            </pre>
          </div>
        </>
      )}
      {diff.nft && (
        <>
          <h3 className="pw-rule-chain">nft list table ip kube-proxy</h3>
          <div className="pw-scroll" tabIndex={0} data-scroll-keys="">
            <pre className="pw-diff" data-id="nft-diff">
              {missingFrom(diff.nft.before, diff.nft.after).map((line, i) => (
                <DiffLine key={`r${i}`} sign="-" line={line} label={t.rulesDiff.removed} />
              ))}
              {missingFrom(diff.nft.after, diff.nft.before).map((line, i) => (
                <DiffLine key={`a${i}`} sign="+" line={line} label={t.rulesDiff.added} />
              ))}
            </pre>
          </div>
        </>
      )}
      {diff.conntrackDeleted.length > 0 && (
        <>
          <h3 className="pw-rule-chain">{t.rulesDiff.conntrackDeleted}</h3>
          <div className="pw-scroll" tabIndex={0} data-scroll-keys="">
            <pre className="pw-diff">
              {diff.conntrackDeleted.map((e) => (
                <DiffLine key={e.id} sign="-" line={e.text} label={t.rulesDiff.removed} />
              ))}
            </pre>
          </div>
        </>
      )}
    </div>
  );
}

function DiffLine({ sign, line, label }: { sign: '+' | '-'; line: string; label: string }) {
  return (
    <span className={sign === '+' ? 'pw-diff-added' : 'pw-diff-removed'} data-diff={sign === '+' ? 'added' : 'removed'} title={label}>
      {sign} {line}
      {'\n'}
    </span>
  );
}
