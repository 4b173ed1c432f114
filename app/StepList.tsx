import { Fragment } from 'react';
import { isPacketStep, narrate, type PacketStep, type Step, type Trace } from '../src/index';
import { StepKindMark } from './controls/StepKindMark';
import { formatPacket, packetChanges } from './format';
import type { Lang, Strings } from './i18n';

export interface StepListProps {
  readonly trace: Trace;
  readonly lang: Lang;
  readonly strings: Strings;
  /** How many steps, from the first, to list (all by default). */
  readonly count?: number;
}

/** The trace as a plain ordered list: one item per hop or decision. */
export function StepList({ trace, lang, strings, count = trace.steps.length }: StepListProps) {
  return (
    <ol className="steps" aria-label={strings.stepsLabel}>
      {trace.steps.slice(0, count).map((step) => (
        <StepItem key={step.index} step={step} lang={lang} strings={strings} />
      ))}
    </ol>
  );
}

function StepItem({ step, lang, strings }: { step: Step; lang: Lang; strings: Strings }) {
  const n = step.index + 1;
  // A control-plane step moves no packet: no direction, no headers, no rule, no conntrack change.
  const packet = isPacketStep(step) ? step : null;
  const headingId = `step-${n}-title`;
  return (
    <li
      className={packet ? `step step-${packet.direction}` : 'step'}
      data-id={`step-${n}`}
      data-kind={step.kind}
      data-direction={packet?.direction}
      data-src-ip={packet?.after.srcIp}
      data-dst-ip={packet?.after.dstIp}
      data-before-dst-ip={packet?.before.dstIp}
      aria-labelledby={headingId}
    >
      <h2 className="step-title" id={headingId}>
        <span className="step-n">
          <span className="sr-only">{strings.step} </span>
          {n}
        </span>
        <code className="kind">
          <StepKindMark kind={step.kind} />
          {step.kind}
        </code>
        <span className="kind-text">{strings.kinds[step.kind]}</span>
      </h2>
      <p className="where">
        <code>{step.at}</code> → <code>{step.to}</code>
        <span className="direction">
          {' · '}
          {step.label}
          {packet && <> · {packet.direction === 'reply' ? strings.reply : strings.original}</>}
        </span>
        {packet?.stage && (
          <span className="stage">
            {strings.stage}
            {strings.colon}
            {strings.figures[packet.stage.figure]} · {strings.step} {packet.stage.n}
          </span>
        )}
      </p>
      <p className="narration">{narrate(step.note, lang)}</p>
      {packet?.articleNote && <p className="narration article-note">{narrate(packet.articleNote, lang)}</p>}
      {packet && <PacketFacts step={packet} strings={strings} />}
    </li>
  );
}

/** What a packet step did: the packet as it leaves the step, the fields it rewrote, the deciding rule, the conntrack change. */
function PacketFacts({ step, strings }: { step: PacketStep; strings: Strings }) {
  const changes = packetChanges(step.before, step.after);
  const rule = step.rules.find((r) => r.decided);
  const ct = step.conntrackChange;
  return (
    <dl className="facts">
      <dt>{strings.packet}</dt>
      <dd>
        <code className="packet">{formatPacket(step.after)}</code>
      </dd>
      {changes.length > 0 && (
        <>
          <dt>{strings.changed}</dt>
          <dd>
            <ul className="changes">
              {changes.map((c) => (
                <li key={c.field}>
                  <span className="field">{c.field}</span> <del>{c.before}</del> → <ins>{c.after}</ins>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {rule && (
        <>
          <dt>{strings.rule}</dt>
          <dd>
            <code className="rule">
              [{rule.table}] <RuleText text={rule.text} />
            </code>
          </dd>
        </>
      )}
      {ct && (
        <>
          <dt>{strings.conntrack}</dt>
          <dd>
            {ct.node} {strings.entry} #{ct.entryId} {strings.conntrackChanges[ct.change]}
            {(ct.from || ct.to) && (
              <>
                {strings.colon}
                <code>{ct.from || '-'}</code> → <code>{ct.to || '-'}</code>
              </>
            )}
          </dd>
        </>
      )}
    </dl>
  );
}

/**
 * A rule in iptables-save syntax, wrapped only between arguments: browsers would
 * otherwise break lines after the dash of an option ("-" / "j DNAT").
 */
function RuleText({ text }: { text: string }) {
  const tokens = text.split(' ');
  return (
    <>
      {tokens.map((token, i) => (
        <Fragment key={i}>
          {i > 0 && ' '}
          <span className="nowrap">{token}</span>
        </Fragment>
      ))}
    </>
  );
}
