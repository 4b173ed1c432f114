import type { KeyboardEvent } from 'react';
import { useAppStore } from '../store/StoreProvider';
import { selectRedo, selectUndo } from '../store/selectors';
import { EditorErrors, RestoreErrors } from './EditorErrors';
import { EditorToolbar } from './EditorToolbar';
import { NodesSection } from './NodesSection';
import { OutsideClientsSection } from './OutsideClientsSection';
import { PodsSection } from './PodsSection';
import { ServicesSection } from './ServicesSection';
import { TrafficSection } from './TrafficSection';
import { useEditorStrings } from './useEditorStrings';
import './editor.css';

/** Fields where Ctrl+Z undoes typing, as everywhere else on the web. */
const isTextField = (target: EventTarget) =>
  target instanceof HTMLTextAreaElement ||
  (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range'].includes(target.type));

/**
 * Edits the scenario: nodes, pods, Services, clients outside the cluster and traffic, with undo and redo.
 * Every change goes through the store's validation; a refused one leaves the
 * page on the last good scenario and lists why. Keys typed here belong to the
 * editor (Space presses the focused button, arrows move between radio
 * buttons), so they do not reach the page's playback shortcuts.
 */
export function ScenarioEditor() {
  const t = useEditorStrings();
  const undo = useAppStore(selectUndo);
  const redo = useAppStore(selectRedo);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    e.stopPropagation();
    if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextField(e.target)) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) undo();
    else if ((key === 'z' && e.shiftKey) || key === 'y') redo();
    else return;
    e.preventDefault();
  };
  return (
    <div
      className="pw-panels pw-editor pw-form"
      role="region"
      aria-label={t.editor}
      data-id="scenario-editor"
      onKeyDown={onKeyDown}
      onKeyUp={(e) => e.stopPropagation()}
    >
      <div className="pw-editor-head">
        <EditorToolbar />
        <p className="pw-edit-hint">{t.shortcutsHint}</p>
        <EditorErrors />
      </div>
      <RestoreErrors />
      <NodesSection />
      <PodsSection />
      <ServicesSection />
      <OutsideClientsSection />
      <TrafficSection />
    </div>
  );
}
