import type { NodePacket } from '../../src/node-trace';
import type { NodeStrings } from '../i18n/node-strings';
import type { PanelStrings } from '../i18n/panel-strings';
import { LineButton } from './LineButton';
import { NodeNotes } from './NodeNotes';
import { NodePath } from './NodePath';
import type { ShownTrace } from './rule-runs';

/** An IPv6 address is bracketed before its port, as net.JoinHostPort and iptables print it. */
const hostPort = (ip: string, port: number) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);
const endpoint = (p: NodePacket) => `${hostPort(p.src, p.sport)} → ${hostPort(p.dst, p.dport)} ${p.protocol}`;

interface ResultProps {
  readonly result: ShownTrace;
  readonly t: NodeStrings;
  readonly panel: PanelStrings;
  readonly assumed: ReadonlySet<number>;
  readonly onAssume: (line: number, matching: boolean) => void;
  readonly onShow: (line: number) => void;
}

/** A trace: the verdict and the rule that decided it, the packet before and after NAT, its conntrack entry; then the path and the notes. */
export function NodeResultView({ result, t, panel, assumed, onAssume, onShow }: ResultProps) {
  const rule = result.decidingRule;
  return (
    <div className="pw-node-result" data-id="node-result">
      <dl className="pw-node-summary">
        <dt>{t.readAs}</dt>
        <dd data-id="node-kind">{t.kinds[result.kind]}</dd>
        <dt>{t.verdict}</dt>
        <dd data-id="node-verdict" data-verdict={result.verdict}>
          {t.verdicts[result.verdict]}
          {result.route && <span className="pw-node-route"> {t.route(result.route.to, result.route.outInterface)}</span>}
        </dd>
        <dt>{t.decidingRule}</dt>
        <dd data-id="node-deciding">
          {rule === null ? (
            t.noDecidingRule
          ) : (
            <>
              <LineButton line={rule.line} t={t} onShow={onShow} /> <span className="pw-verdict">{panel.verdicts[rule.verdict]}</span>{' '}
              <code className="pw-rule-text">{rule.text}</code>
            </>
          )}
        </dd>
        <dt>{t.packetBefore}</dt>
        <dd>
          <code>{endpoint(result.packetBefore)}</code>
        </dd>
        <dt>{t.packetAfter}</dt>
        <dd data-id="node-after">
          <code>{endpoint(result.packetAfter)}</code>
        </dd>
        <dt>{t.conntrack}</dt>
        <dd data-id="node-conntrack">
          {result.conntrack === null ? t.noConntrack : <code className="pw-rule-text">{result.conntrack}</code>}
        </dd>
      </dl>
      <NodePath passes={result.passes} t={t} panel={panel} onShow={onShow} />
      <NodeNotes notes={result.notes} totals={result.noteTotals} t={t} assumed={assumed} onAssume={onAssume} onShow={onShow} />
    </div>
  );
}
