import { useMemo, useState } from 'react';
import { verifyCommands, type VerifyGroup, type VerifyPlace } from '../../../src/index';
import { verifyStrings } from '../../i18n/verify-strings';
import { copyText } from '../../shell/copy-text';
import { needsBackground } from '../../store/needs-background';
import { useAppStore } from '../../store/StoreProvider';
import { selectLang, selectScenario, selectStepIndex, selectTrace } from '../../store/selectors';
import { VerifyCommandItem } from './VerifyCommandItem';
import './verify.css';

const samePlace = (a: VerifyPlace, b: VerifyPlace) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The commands of the current step, from the engine (`verifyCommands`), group
 * by group: where they run, how to get there (once per place), then each
 * command with what it is for, a Copy button and, where the engine prints it,
 * its output. Commands are text nodes, never markup.
 */
export function VerifyPanel() {
  const trace = useAppStore(selectTrace);
  const step = useAppStore(selectStepIndex);
  const scenario = useAppStore(selectScenario);
  const t = verifyStrings[useAppStore(selectLang)];
  // The scenario gives the rule listings' output (kube-proxy's sync of the node, run once): only for
  // the trace on screen, and not for a scenario so big it is simulated off the main thread (a second and more).
  const own = scenario.name === trace.scenarioName && !needsBackground(scenario, trace.mode) ? scenario : undefined;
  const groups = useMemo(() => verifyCommands(trace, step, own), [trace, step, own]);
  const [status, setStatus] = useState('');
  const [fallback, setFallback] = useState<string | null>(null);

  const copy = async (command: string) => {
    const ok = await copyText(command);
    setFallback(ok ? null : command);
    setStatus(ok ? t.copied : t.copyFallback);
  };

  return (
    <div className="pw-verify" data-id="verify-panel">
      <p className="pw-panel-note pw-verify-intro">{t.intro}</p>
      {groups.length === 0 && <p className="pw-empty">{t.none}</p>}
      {groups.map((g, i) => (
        <Group
          key={`${step}-${i}`}
          group={g}
          showEnter={i === 0 || !samePlace(groups[i - 1]!.place, g.place)}
          onCopy={copy}
          fallback={fallback}
        />
      ))}
      <p className="pw-verify-status" role="status" data-id="verify-status">
        {status}
      </p>
    </div>
  );
}

interface GroupProps {
  readonly group: VerifyGroup;
  readonly showEnter: boolean;
  readonly onCopy: (command: string) => void;
  readonly fallback: string | null;
}

function Group({ group, showEnter, onCopy, fallback }: GroupProps) {
  const t = verifyStrings[useAppStore(selectLang)];
  const item = (c: VerifyGroup['commands'][number], key: string) => (
    <VerifyCommandItem key={key} command={c} onCopy={onCopy} fallback={fallback === c.command} />
  );
  return (
    <section className="pw-verify-group" data-topic={group.topic} data-place={group.place.kind}>
      <h3 className="pw-verify-place">{group.topic === 'trace' ? t.tracePlace(group.place) : t.place(group.place)}</h3>
      {showEnter && group.enter.length > 0 && (
        <>
          <p className="pw-verify-enter">{t.enter}</p>
          <ol className="pw-verify-list pw-verify-list-enter">{group.enter.map((c, i) => item(c, `enter-${i}`))}</ol>
        </>
      )}
      <ol className="pw-verify-list">{group.commands.map((c, i) => item(c, `cmd-${i}`))}</ol>
    </section>
  );
}
