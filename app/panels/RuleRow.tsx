import type { ReactNode } from 'react';
import { ruleDetailText, type RuleDetail } from '../../src/index';
import { useAppStore } from '../store/StoreProvider';
import { selectLang } from '../store/selectors';

/** What a rule row shows: an iptables rule and an nftables rule both have it. */
interface RuleFacts {
  readonly position: number;
  readonly verdict: string;
  readonly detail: RuleDetail;
  readonly decided: boolean;
  readonly text: string;
}

/**
 * One evaluated rule as the rules panel, the nftables panel and Your node's path list it: its
 * position, verdict, the "decides" mark, why (in the page's language), and its text; then what the mode adds (an nftables
 * rule's map and set lookups).
 */
export function RuleRow({
  rule,
  verdict,
  decides,
  metaClass,
  lead,
  children,
}: {
  readonly rule: RuleFacts;
  readonly verdict: string;
  readonly decides: string;
  readonly metaClass?: string;
  /** Before the position: "Your node" puts the rule's line in the pasted text there. */
  readonly lead?: ReactNode;
  readonly children?: ReactNode;
}) {
  const detail = ruleDetailText(rule.detail, useAppStore(selectLang));
  return (
    <li
      className="pw-rule"
      data-verdict={rule.verdict}
      data-decided={rule.decided || undefined}
      aria-current={rule.decided ? 'true' : undefined}
    >
      <div className={metaClass ? `pw-rule-meta ${metaClass}` : 'pw-rule-meta'}>
        {lead}
        <span className="pw-rule-pos">#{rule.position}</span>
        <span className="pw-verdict">{verdict}</span>
        {rule.decided && <span className="pw-decides">◆ {decides}</span>}
        {detail && <span className="pw-rule-detail">{detail}</span>}
      </div>
      <code className="pw-rule-text">{rule.text}</code>
      {children}
    </li>
  );
}
