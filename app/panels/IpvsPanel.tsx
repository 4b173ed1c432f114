import { useEffect, useRef } from 'react';
import { isPacketStep } from '../../src/index';
import { ipvsStrings } from '../i18n/ipvs-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectCurrentStep, selectLang } from '../store/selectors';
import { ipvsHighlight, type IpvsHighlight } from './ipvs-view';
import { PanelSection } from './PanelSection';

/**
 * IPVS mode only: the step's node's `ipvsadm -Ln` after the step, exactly as
 * printed, with the virtual server and the real server this step used marked,
 * what IPVS did in words, and `ipvsadm -Lnc` below. The ActiveConn/InActConn
 * counters and the connection entries change as the handshake goes on.
 */
export function IpvsPanel() {
  const step = useAppStore(selectCurrentStep);
  const t = ipvsStrings[useAppStore(selectLang)];
  const ipvs = step?.ipvs ?? null;
  const change = step && isPacketStep(step) ? step.ipvsChange : null;
  const marks = ipvsHighlight(ipvs, change);
  return (
    <PanelSection title={t.title} name="ipvs">
      {change ? (
        <p className="pw-ct-change" data-id="ipvs-change" data-change={change.change}>
          {change.node}: {t.change(change)}
        </p>
      ) : ipvs ? (
        <p className="pw-panel-note pw-ipvs-note">{t.untouched(ipvs.node)}</p>
      ) : null}
      {ipvs ? (
        <>
          <Terminal label={t.table(ipvs.node)} name="ipvs-table" lines={ipvs.table} marks={marks} empty={t.noTable} />
          <Terminal
            label={t.connections(ipvs.node)}
            name="ipvs-connections"
            lines={ipvs.connections}
            marks={null}
            empty={t.noConnections}
          />
        </>
      ) : (
        <p className="pw-empty" data-id="ipvs-empty">
          {step?.node === null ? t.onWire : t.noTable}
        </p>
      )}
    </PanelSection>
  );
}

interface TerminalProps {
  readonly label: string;
  readonly name: string;
  readonly lines: readonly string[];
  readonly marks: IpvsHighlight | null;
  readonly empty: string;
}

/** Kernel text in a terminal: never wrapped, scrolled sideways, and down for the scale preset's hundreds of lines. */
function Terminal({ label, name, lines, marks, empty }: TerminalProps) {
  const ref = useRef<HTMLDivElement>(null);
  const first = marks?.virtualServer ?? null;
  // A big table scrolls its own box to the marked virtual server, not the page.
  useEffect(() => {
    const box = ref.current;
    const mark = box?.querySelector<HTMLElement>('mark');
    if (!box || !mark || box.scrollHeight <= box.clientHeight) return;
    box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
  }, [first, lines]);
  if (lines.length === 0) return <p className="pw-empty">{empty}</p>;
  return (
    <div ref={ref} className="pw-scroll pw-ipvs-scroll" role="group" tabIndex={0} data-scroll-keys="" aria-label={label}>
      <pre className="pw-terminal" data-id={name}>
        <code>
          {lines.map((line, i) => {
            const role = i === marks?.virtualServer ? 'virtual-server' : i === marks?.realServer ? 'real-server' : null;
            return role ? (
              <mark key={i} className="pw-ct-line pw-ipvs-line" data-line={role} aria-current="true">
                {line}
              </mark>
            ) : (
              <span key={i} className="pw-ct-line pw-ipvs-line">
                {line}
              </span>
            );
          })}
        </code>
      </pre>
    </div>
  );
}
