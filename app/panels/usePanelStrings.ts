import { panelStrings, type PanelStrings } from '../i18n/panel-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectLang } from '../store/selectors';

/** The panels' and controls' labels in the store's language. */
export function usePanelStrings(): PanelStrings {
  return panelStrings[useAppStore(selectLang)];
}
