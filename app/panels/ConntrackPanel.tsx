import { memo, useState } from 'react';
import { formatConntrackSummary, isPacketStep, type NodeConntrack } from '../../src/index';
import { useAppStore } from '../store/StoreProvider';
import { selectCurrentStep, selectStepIndex } from '../store/selectors';
import { defaultConntrackNode, describeChange } from './conntrack-view';
import { PanelSection } from './PanelSection';
import { usePanelStrings } from './usePanelStrings';

/**
 * A node's conntrack table after the current step, as `conntrack -L` prints it,
 * with the entry this step created or matched highlighted. A node picker shows
 * the other nodes; the choice holds until the step changes.
 */
export function ConntrackPanel() {
  const step = useAppStore(selectCurrentStep);
  const stepIndex = useAppStore(selectStepIndex);
  const t = usePanelStrings();
  // The node chosen in the picker, for this step only: a new step forgets it (set while rendering, React's pattern
  // for state that follows a prop), so the picker's buttons get a stable setter and only the changed ones re-render.
  const [choice, setChoice] = useState<string | null>(null);
  const [choiceStep, setChoiceStep] = useState(stepIndex);
  if (choiceStep !== stepIndex) {
    setChoiceStep(stepIndex);
    setChoice(null);
  }
  if (!step) {
    return (
      <PanelSection title={t.conntrack} name="conntrack">
        <p className="pw-panel-note">{t.noStep}</p>
      </PanelSection>
    );
  }
  const node = choiceStep === stepIndex && choice !== null ? choice : defaultConntrackNode(step);
  const table = step.conntrack.find((c) => c.node === node);
  const change = isPacketStep(step) ? step.conntrackChange : null;
  return (
    <PanelSection title={t.conntrack} name="conntrack">
      {step.conntrack.length > 1 && (
        <div className="pw-node-picker" role="group" aria-label={t.node}>
          {step.conntrack.map((c) => (
            <NodeChoice key={c.node} node={c.node} count={c.entries.length} pressed={c.node === node} onChoose={setChoice} />
          ))}
        </div>
      )}
      {change && (
        <p className="pw-ct-change" data-change={change.change}>
          {t.entryChange(change.node, change.entryId, describeChange(change, t))}
        </p>
      )}
      {table && table.entries.length === 0 && <p className="pw-empty">{t.noEntries(table.node)}</p>}
      {table && <ConntrackTable table={table} highlight={change?.node === table.node ? change.entryId : null} />}
    </PanelSection>
  );
}

/** One node of the picker, with how many entries its table holds. */
const NodeChoice = memo(function NodeChoice({
  node,
  count,
  pressed,
  onChoose,
}: {
  readonly node: string;
  readonly count: number;
  readonly pressed: boolean;
  readonly onChoose: (node: string) => void;
}) {
  return (
    <button type="button" aria-pressed={pressed} onClick={() => onChoose(node)}>
      {node} <span className="pw-count">({count})</span>
    </button>
  );
});

function ConntrackTable({ table, highlight }: { table: NodeConntrack; highlight: number | null }) {
  return (
    <div className="pw-scroll" role="group" tabIndex={0} data-scroll-keys="" aria-label={`conntrack -L (${table.node})`}>
      <pre className="pw-terminal" data-node={table.node}>
        <code>
          {table.entries.map((e) =>
            e.id === highlight ? (
              <mark key={e.id} className="pw-ct-line" data-entry-id={e.id} aria-current="true">
                {e.text}
              </mark>
            ) : (
              <span key={e.id} className="pw-ct-line" data-entry-id={e.id}>
                {e.text}
              </span>
            ),
          )}
          <span className="pw-ct-summary">{formatConntrackSummary(table.entries.length)}</span>
        </code>
      </pre>
    </div>
  );
}
