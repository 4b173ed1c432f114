import { ruleDetailText, type EvaluatedNftRule, type EvaluatedRule, type Lang, type Step } from '../../src/index';
import { ipvsStrings } from '../i18n/ipvs-strings';
import { layoutStrings, type LayoutStrings } from '../i18n/layout-strings';
import { nftUiStrings } from '../i18n/nftui-strings';
import type { PanelStrings } from '../i18n/panel-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectCurrentStep, selectLang } from '../store/selectors';
import { describeChange } from './conntrack-view';
import { shownInFull, stepEvidence, type ConntrackEvidence, type DiffEvidenceGroup, type IcmpEvidence } from './evidence';
import type { PacketField } from './packet-fields';
import { PanelSection } from './PanelSection';
import { usePanelStrings } from './usePanelStrings';

/**
 * The current step's evidence, first in the side column: the fields it
 * rewrote, the rules that matched up to the deciding one, the conntrack entry
 * it made or matched (original and reply tuple on their own lines), IPVS's
 * choice and a sync's changed lines. Text wraps: nothing is cut at the right.
 */
export function EvidencePanel() {
  const step = useAppStore(selectCurrentStep);
  const lang = useAppStore(selectLang);
  const t = usePanelStrings();
  const l = layoutStrings[lang];
  if (!step) return null;
  const evidence = stepEvidence(step);
  const empty =
    evidence.fields.length + evidence.rulePath.length + evidence.nftPath.length + evidence.diff.length === 0 &&
    !evidence.conntrack &&
    !evidence.ipvs &&
    !evidence.icmp;
  return (
    <PanelSection title={l.evidence} name="evidence">
      {evidence.fields.length > 0 && <Fields fields={evidence.fields} t={t} l={l} />}
      {evidence.ipvs && (
        <p className="pw-ev-ipvs" data-id="evidence-ipvs">
          <span className="pw-ev-label">{l.ipvsChoice}</span> {evidence.ipvs.node}: {ipvsStrings[lang].change(evidence.ipvs)}
        </p>
      )}
      {evidence.icmp && <IcmpError icmp={evidence.icmp} l={l} />}
      {evidence.rulePath.length > 0 && (
        <RulePath rules={evidence.rulePath} full={(r) => shownInFull(r, evidence.rulePath)} t={t} l={l} lang={lang} />
      )}
      {/* The path's lookups read in each rule's detail (the key, the element's verdict): only the deciding rule is shown whole. */}
      {evidence.nftPath.length > 0 && <RulePath rules={evidence.nftPath} full={(r) => r.decided} t={t} l={l} lang={lang} />}
      {evidence.conntrack && <ConntrackEntry entry={evidence.conntrack} t={t} l={l} />}
      {evidence.diff.length > 0 && <Diff groups={evidence.diff} node={step.node ?? ''} t={t} l={l} lang={lang} />}
      {empty && <p className="pw-panel-note">{emptyNote(step, l, t)}</p>}
    </PanelSection>
  );
}

const emptyNote = (step: Step, l: LayoutStrings, t: PanelStrings) => (step.kind === 'api-event' ? t.noRules['api-event'] : l.nothing);

function Fields({ fields, t, l }: { fields: readonly PacketField[]; t: PanelStrings; l: LayoutStrings }) {
  return (
    <div className="pw-ev-block">
      <h3 className="sr-only">{l.changedFields}</h3>
      <dl className="pw-fields pw-ev-fields" data-id="evidence-fields">
        {fields.map((f) => (
          <div key={f.key} className="pw-field" data-field={f.key} data-changed="">
            <dt>{t.fields[f.key]}</dt>
            <dd>
              <del>{f.before || t.noFlags}</del>
              <span className="pw-arrow">{' → '}</span>
              <ins>{f.after || t.noFlags}</ins>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function IcmpError({ icmp, l }: { icmp: IcmpEvidence; l: LayoutStrings }) {
  return (
    <div className="pw-ev-block" data-id="evidence-icmp">
      <h3 className="pw-ev-heading">
        {l.icmpError} · {l.portUnreachable}
      </h3>
      <p className="pw-ev-line">
        <code className="pw-ev-text">
          {icmp.src} → {icmp.dst}
        </code>
      </p>
      <p className="pw-ev-line">
        <span className="pw-ev-label">{l.icmpQuotes}</span> <code className="pw-ev-text">{icmp.quoted}</code>
      </p>
    </div>
  );
}

function RulePath<R extends EvaluatedRule | EvaluatedNftRule>({
  rules,
  full,
  t,
  l,
  lang,
}: {
  rules: readonly R[];
  full: (rule: R) => boolean;
  t: PanelStrings;
  l: LayoutStrings;
  lang: Lang;
}) {
  return (
    <div className="pw-ev-block">
      <h3 className="pw-ev-heading">{l.rulePath}</h3>
      <ol className="pw-ev-rules" data-id="evidence-rules">
        {rules.map((r) => {
          const detail = ruleDetailText(r.detail, lang);
          return (
            <li
              key={`${r.table}/${r.chain}/${r.position}`}
              className="pw-ev-rule"
              data-decided={r.decided || undefined}
              data-verdict={r.verdict}
            >
              <span className="pw-ev-meta">
                {r.table} / {r.chain} #{r.position} · <span className="pw-verdict">{t.verdicts[r.verdict]}</span>
                {r.decided && <strong className="pw-decides"> ◆ {l.decides}</strong>}
                {detail && <span className="pw-rule-detail"> · {detail}</span>}
              </span>
              {full(r) && (
                <code className="pw-ev-text" data-id={r.decided ? 'evidence-deciding-rule' : undefined}>
                  {r.text}
                </code>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function ConntrackEntry({ entry, t, l }: { entry: ConntrackEvidence; t: PanelStrings; l: LayoutStrings }) {
  const { change, tuples } = entry;
  return (
    <div className="pw-ev-block" data-id="evidence-conntrack">
      <h3 className="pw-ev-heading">
        {l.conntrackEntry} · {t.entryChange(change.node, change.entryId, describeChange(change, t))}
      </h3>
      <dl className="pw-ev-tuples">
        <dt>{l.originalTuple}</dt>
        <dd>
          <code className="pw-ev-text" data-id="evidence-original">
            {tuples.original}
          </code>
        </dd>
        {tuples.reply && (
          <>
            <dt>{l.replyTuple}</dt>
            <dd>
              <code className="pw-ev-text" data-id="evidence-reply">
                {tuples.reply}
              </code>
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

const groupHeading = (g: DiffEvidenceGroup, node: string, l: LayoutStrings, lang: Lang) =>
  g.source.kind === 'table'
    ? l.tableDiff(node, g.source.table)
    : g.source.kind === 'ipvs'
      ? l.ipvsDiff(node)
      : g.source.kind === 'nft'
        ? nftUiStrings[lang].nftDiff(node)
        : l.conntrackDeleted(node);

function Diff({
  groups,
  node,
  t,
  l,
  lang,
}: {
  groups: readonly DiffEvidenceGroup[];
  node: string;
  t: PanelStrings;
  l: LayoutStrings;
  lang: Lang;
}) {
  return (
    <div className="pw-ev-block" data-id="evidence-diff">
      {/* The group headings say where each line changed; the block's own heading is for screen readers. */}
      <h3 className="sr-only">{l.syncDiff}</h3>
      {groups.map((g) => (
        <div key={groupHeading(g, node, l, lang)} className="pw-ev-diff-group">
          <p className="pw-ev-subheading">{groupHeading(g, node, l, lang)}</p>
          <ul className="pw-ev-diff">
            {g.lines.map((line, i) => (
              <li
                key={i}
                className={line.sign === '+' ? 'pw-diff-added' : 'pw-diff-removed'}
                data-diff={line.sign === '+' ? 'added' : 'removed'}
              >
                <code className="pw-ev-text">
                  <span aria-hidden="true">{line.sign} </span>
                  <span className="sr-only">{line.sign === '+' ? t.rulesDiff.added : t.rulesDiff.removed}: </span>
                  {line.text}
                </code>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
