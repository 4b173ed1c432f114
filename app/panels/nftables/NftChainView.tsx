import { useId } from 'react';
import type { NftChainGroup, NftLookupView, NftRuleView } from '../../../src/index';
import type { NftPanelStrings } from '../../i18n/nft-panel-strings';
import { RuleRow } from '../RuleRow';

/** One chain's run of evaluated rules: its name, a base chain's hook and priority, each rule with its verdict and lookups. */
export function NftChainView({ group, t }: { group: NftChainGroup; t: NftPanelStrings }) {
  const headingId = useId();
  return (
    <div className="pw-rule-group pw-nft-chain" data-chain={group.chain} data-base={group.head ? '' : undefined}>
      <h3 className="pw-rule-chain" id={headingId}>
        chain {group.chain}
      </h3>
      <p className="pw-nft-head">{group.head ? <code>{group.head}</code> : t.regularChain}</p>
      <ol className="pw-rules" aria-labelledby={headingId}>
        {group.rules.map((r) => (
          <NftRuleItem key={r.rule.position} view={r} t={t} />
        ))}
      </ol>
    </div>
  );
}

function NftRuleItem({ view, t }: { view: NftRuleView; t: NftPanelStrings }) {
  const { rule, lookups } = view;
  return (
    <RuleRow rule={rule} verdict={t.verdicts[rule.verdict]} decides={t.decides} metaClass="pw-nft-meta">
      {lookups.map((l, i) => (
        <LookupTable key={i} lookup={l} t={t} />
      ))}
    </RuleRow>
  );
}

/** A map or set a rule looked in: the key built from the packet, its elements, the one that held the key marked. */
function LookupTable({ lookup, t }: { lookup: NftLookupView; t: NftPanelStrings }) {
  return (
    <table className="pw-nft-lookup" data-id="nft-lookup" data-set={lookup.name} data-matched={lookup.matched || undefined}>
      <caption>
        {t.lookup} <code>{lookup.name}</code> · {t.key} <code data-id="nft-lookup-key">{lookup.key}</code>
      </caption>
      <tbody>
        {lookup.elements.map((e, i) => (
          <tr key={i} data-matched={e.matched || undefined} aria-current={e.matched ? 'true' : undefined}>
            <td>
              <code>{e.text}</code>
            </td>
            <td className="pw-nft-hit">{e.matched ? `✓ ${t.matched}` : ''}</td>
          </tr>
        ))}
        {!lookup.matched && (
          <tr data-id="nft-no-element">
            <td colSpan={2}>{t.noElement(lookup.key)}</td>
          </tr>
        )}
      </tbody>
      {lookup.matched && lookup.elements.length < lookup.total && (
        <tfoot>
          <tr>
            <td colSpan={2}>{t.shownOf(lookup.total)}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
