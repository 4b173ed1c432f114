import { useId } from 'react';
import type { EvaluatedRule } from '../../src/index';
import type { PanelStrings } from '../i18n/panel-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectCurrentStep } from '../store/selectors';
import { noRulesReason } from './no-rules-reason';
import { PacketCostNote } from './PacketCostNote';
import { PanelSection } from './PanelSection';
import { groupRules, type RuleGroup } from './rule-groups';
import { usePanelStrings } from './usePanelStrings';

/** The rules the current step evaluated, in iptables-save syntax, by table and chain, the deciding one marked. */
export function RulesPanel() {
  const step = useAppStore(selectCurrentStep);
  const t = usePanelStrings();
  const groups = step ? groupRules(step.rules) : [];
  const decided = step?.rules.some((r) => r.decided) ?? false;
  return (
    <PanelSection title={t.rules} name="rules">
      {!step ? (
        <p className="pw-panel-note">{t.noStep}</p>
      ) : groups.length === 0 ? (
        <p className="pw-empty" data-id="rules-empty">
          {noRulesReason(step, t)}
        </p>
      ) : (
        <>
          {groups.map((g, i) => (
            <RuleGroupView key={i} group={g} t={t} />
          ))}
          {!decided && <p className="pw-panel-note">{t.noDecision}</p>}
        </>
      )}
      <PacketCostNote />
    </PanelSection>
  );
}

function RuleGroupView({ group, t }: { group: RuleGroup; t: PanelStrings }) {
  const headingId = useId();
  return (
    <div className="pw-rule-group" data-table={group.table} data-chain={group.chain}>
      <h3 className="pw-rule-chain" id={headingId}>
        {group.table} / {group.chain}
      </h3>
      {/* Scrolls sideways as a whole: rule text never wraps, as iptables-save prints it. */}
      <div className="pw-scroll" role="group" aria-labelledby={headingId} tabIndex={0} data-scroll-keys="">
        <ol className="pw-rules">
          {group.rules.map((rule) => (
            <RuleItem key={rule.position} rule={rule} t={t} />
          ))}
        </ol>
      </div>
    </div>
  );
}

function RuleItem({ rule, t }: { rule: EvaluatedRule; t: PanelStrings }) {
  return (
    <li
      className="pw-rule"
      data-verdict={rule.verdict}
      data-decided={rule.decided || undefined}
      aria-current={rule.decided ? 'true' : undefined}
    >
      <div className="pw-rule-meta">
        <span className="pw-rule-pos">#{rule.position}</span>
        <span className="pw-verdict">{t.verdicts[rule.verdict]}</span>
        {rule.detail && <span className="pw-rule-detail">{rule.detail}</span>}
        {rule.decided && <span className="pw-decides">◆ {t.decides}</span>}
      </div>
      <code className="pw-rule-text">{rule.text}</code>
    </li>
  );
}
