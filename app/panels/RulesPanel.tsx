import { memo, useEffect, useId, useState } from 'react';
import { isPacketStep, type EvaluatedRule } from '../../src/index';
import { nftUiStrings } from '../i18n/nftui-strings';
import { rulesDiffView } from '../shell/lazy-parts';
import type { PanelStrings } from '../i18n/panel-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectCurrentStep, selectLang, selectTrace } from '../store/selectors';
import { noRulesReason } from './no-rules-reason';
import { PacketCostNote } from './PacketCostNote';
import { PanelSection } from './PanelSection';
import { RuleRow } from './RuleRow';
import { groupRules, type RuleGroup } from './rule-groups';
import { usePanelStrings } from './usePanelStrings';

/** Rules drawn in the frame a step's list appears: more than the side pane shows at once. */
export const FIRST_ROWS = 80;
/**
 * Rules added per animation frame after the first ones. A hook step of the large preset
 * evaluates a thousand rules (KUBE-SERVICES lists every Service): drawn at once they were
 * 4,400 elements and a task of 110-130 ms CPU (creating them, style, layout, text shaping;
 * traced on `?preset=large` while playing); a hundred a frame keep each frame's share near 10 ms.
 */
export const ROWS_PER_FRAME = 100;

/**
 * The rules the current step evaluated, in iptables-save syntax, by table and chain, the deciding one marked.
 * A long list is drawn over a few frames, first rules first.
 */
export function RulesPanel() {
  const step = useAppStore(selectCurrentStep);
  const t = usePanelStrings();
  const rules = step && isPacketStep(step) ? step.rules : [];
  const decided = rules.some((r) => r.decided);
  // A trace with a kube-proxy sync loads the diff's chunk at once, not when its step is reached.
  const trace = useAppStore(selectTrace);
  useEffect(() => {
    if (trace.steps.some((s) => s.rulesDiff)) void rulesDiffView.preload();
  }, [trace]);
  const nft = nftUiStrings[useAppStore(selectLang)];
  return (
    <PanelSection title={t.rules} name="rules">
      {!step ? (
        <p className="pw-panel-note">{t.noStep}</p>
      ) : step.rulesDiff ? (
        <rulesDiffView.Part diff={step.rulesDiff} node={step.node ?? ''} t={t} />
      ) : rules.length === 0 ? (
        <p className="pw-empty" data-id="rules-empty">
          {/* nftables mode: the hook ran kube-proxy's nftables chains, which have a panel of their own. */}
          {isPacketStep(step) && step.nftRules.length > 0 ? nft.rulesInNftPanel : noRulesReason(step, t)}
        </p>
      ) : (
        <>
          {/* A new step's list starts again from its first rules. */}
          <RuleGroups key={step.index} rules={rules} t={t} />
          {!decided && <p className="pw-panel-note">{t.noDecision}</p>}
        </>
      )}
      <PacketCostNote />
    </PanelSection>
  );
}

/** The rules by group: FIRST_ROWS of them at once, then ROWS_PER_FRAME more each animation frame. */
function RuleGroups({ rules, t }: { rules: readonly EvaluatedRule[]; t: PanelStrings }) {
  const [shown, setShown] = useState(FIRST_ROWS);
  useEffect(() => {
    if (shown >= rules.length) return;
    const frame = requestAnimationFrame(() => setShown(shown + ROWS_PER_FRAME));
    return () => cancelAnimationFrame(frame);
  }, [shown, rules]);
  const groups = groupRules(rules);
  // The rules before each group: a group shows its share of the first `shown`.
  const starts = groups.map((_, i) => groups.slice(0, i).reduce((n, g) => n + g.rules.length, 0));
  return groups.map((g, i) => starts[i]! < shown && <RuleGroupView key={i} group={g} rows={shown - starts[i]!} t={t} />);
}

/** A group's heading and its first `rows` rules. */
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

/** Memoised: a frame that adds rules re-renders none of those drawn. */
const RuleItem = memo(function RuleItem({ rule, t }: { rule: EvaluatedRule; t: PanelStrings }) {
  return <RuleRow rule={rule} verdict={t.verdicts[rule.verdict]} decides={t.decides} />;
});
