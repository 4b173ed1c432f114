import { problemText, type NodeStrings } from '../i18n/node-strings';
import type { DraftFieldsProps } from './node-draft';
import { NodeField } from './NodeField';

/** What the dump alone does not say about the node, folded away: its addresses, a pod's interface, its ipsets. */
export function NodeFactsFields({ t, draft, problems, onChange }: DraftFieldsProps<NodeStrings>) {
  // Opened by itself when one of its fields is wrong, so the message is seen.
  const open = problems.localAddresses !== undefined || problems.podInterface !== undefined;
  return (
    <details className="pw-node-facts" open={open || undefined}>
      <summary>{t.facts}</summary>
      <NodeField label={t.localAddresses} hint={t.localHint} problem={problems.localAddresses && problemText(t, problems.localAddresses)}>
        {(props) => (
          <input
            {...props}
            data-id="node-local"
            value={draft.localAddresses}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onChange({ localAddresses: e.target.value })}
          />
        )}
      </NodeField>
      <NodeField label={t.podInterface} hint={t.podInterfaceHint} problem={problems.podInterface && problemText(t, problems.podInterface)}>
        {(props) => (
          <input
            {...props}
            data-id="node-pod-iface"
            value={draft.podInterface}
            placeholder="cbr0"
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onChange({ podInterface: e.target.value })}
          />
        )}
      </NodeField>
      <NodeField label={t.ipsetSave}>
        {(props) => (
          <textarea
            {...props}
            data-id="node-ipsets"
            className="pw-node-text pw-node-ipsets"
            value={draft.ipsetSave}
            wrap="off"
            rows={4}
            spellCheck={false}
            onChange={(e) => onChange({ ipsetSave: e.target.value })}
          />
        )}
      </NodeField>
    </details>
  );
}
