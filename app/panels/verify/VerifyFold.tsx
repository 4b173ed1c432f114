import { useId, useState } from 'react';
import { verifyFoldStrings } from '../../i18n/verify-fold-strings';
import { verifyPanel } from '../../shell/lazy-parts';
import { useAppStore } from '../../store/StoreProvider';
import { selectLang } from '../../store/selectors';
import './verify-fold.css';

// The commands' code loads when the pointer or the focus reaches the fold, a moment before it opens.
const preload = () => void verifyPanel.preload();

/**
 * "On a real node": the commands that show the current step on a real cluster,
 * folded by default so that the step's evidence above keeps its place; opened,
 * it stays open from step to step. Its content is a chunk of its own.
 */
export function VerifyFold() {
  const t = verifyFoldStrings[useAppStore(selectLang)];
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  return (
    <section className="pw-panel pw-panel-verify" data-id="panel-verify" aria-labelledby={`${bodyId}-title`}>
      <h2 className="pw-panel-title pw-verify-heading" id={`${bodyId}-title`}>
        <button
          type="button"
          className="pw-verify-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          data-id="verify-toggle"
          onPointerEnter={preload}
          onFocus={preload}
          onClick={() => setOpen(!open)}
        >
          <span className="pw-verify-chevron" aria-hidden="true" />
          {t.title}
        </button>
      </h2>
      <div id={bodyId} hidden={!open}>
        {open && <verifyPanel.Part />}
      </div>
    </section>
  );
}
