import { layoutStrings } from '../i18n/layout-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectLang } from '../store/selectors';
import type { AppState } from '../store/types';

const selectLeave = (s: AppState) => s.leavePresent;

export interface PresenterControlsProps {
  /** Whether the side column (the step's evidence and the panels) is shown beside the view. */
  readonly panels: boolean;
  readonly onPanels: (open: boolean) => void;
}

/** In presenter mode, beside the transport bar: the step details on demand, and the way out (also F or Escape). */
export function PresenterControls({ panels, onPanels }: PresenterControlsProps) {
  const lang = useAppStore(selectLang);
  const leave = useAppStore(selectLeave);
  const l = layoutStrings[lang];
  return (
    <div className="presenter-controls" role="group" aria-label={l.present} data-id="presenter-controls">
      <button type="button" aria-pressed={panels} onClick={() => onPanels(!panels)} data-id="presenter-panels">
        {l.showPanels}
      </button>
      <button type="button" onClick={leave} title={`${l.leavePresent} (F, Esc)`} data-id="presenter-leave">
        {l.leavePresent}
      </button>
    </div>
  );
}
