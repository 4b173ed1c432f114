import type { RulesDiff } from '../../src/index';
import type { PanelStrings } from '../i18n/panel-strings';
import { missingFrom } from './evidence';

/**
 * A kube-proxy-sync step: the lines of the node's tables the sync added (green, "+")
 * and removed (red, "-"), in iptables-save syntax; in IPVS mode `ipvsadm -Ln` before
 * and after; and the conntrack entries kube-proxy's stale-UDP cleanup deleted.
 */
export function RulesDiffView({ diff, node, t }: { diff: RulesDiff; node: string; t: PanelStrings }) {
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
