import type { Lang } from '../../src/index';
import { classicSnap } from './classic-navigation';
import type { Theme } from './theme';
import type { Lab, SliceCreator, UiSlice, View } from './types';

/** The view and language the page opens in. */
export interface UiSliceOptions {
  readonly view?: View;
  readonly lang?: Lang;
  /** Presenter mode. */
  readonly present?: boolean;
  readonly theme?: Theme;
  /** The lab open in the side pane. */
  readonly lab?: Lab | null;
}

let nextAlertId = 1;

export function createUiSlice({
  view = 'cluster',
  lang = 'en',
  present = false,
  theme = 'auto',
  lab = null,
}: UiSliceOptions = {}): SliceCreator<UiSlice> {
  return (set) => ({
    view,
    lang,
    present,
    theme,
    alerts: [],
    lab,
    setLab: (next) => set((s) => void (s.lab = next)),
    setView: (next) =>
      set((s) => {
        s.view = next;
        s.playing = false;
        // The classic view shows only the article's nine pictures: snap to one.
        const picture = next === 'classic' ? classicSnap(s.trace, s.cursor.step) : null;
        if (picture) s.cursor = picture;
      }),
    setLang: (next) => set((s) => void (s.lang = next)),
    setTheme: (next) => set((s) => void (s.theme = next)),
    setPresent: (next) => set((s) => void (s.present = next)),
    togglePresent: () => set((s) => void (s.present = !s.present)),
    leavePresent: () => set((s) => void (s.present = false)),
    addAlert: (alert) => set((s) => void (s.alerts = [...s.alerts, { ...alert, id: nextAlertId++ }])),
    dismissAlert: (id) => set((s) => void (s.alerts = s.alerts.filter((a) => a.id !== id))),
  });
}
