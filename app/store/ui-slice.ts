import type { Lang } from '../../src/index';
import { classicPosition, classicStepsOf } from './classic-navigation';
import type { GetState, SetState, UiSlice, View } from './types';

let nextAlertId = 1;

export function createUiSlice(set: SetState, _get: GetState, view: View, lang: Lang, present = false): UiSlice {
  return {
    view,
    lang,
    present,
    alerts: [],
    setView: (next) =>
      set((s) => {
        s.view = next;
        s.playing = false;
        // The classic view shows only the article's nine pictures: snap to one.
        const pictures = next === 'classic' ? classicStepsOf(s.trace) : null;
        if (pictures) s.cursor = { step: pictures[classicPosition(s.trace, s.cursor.step)]!.stepIndex, t: 0.5 };
      }),
    setLang: (next) => set((s) => void (s.lang = next)),
    setPresent: (next) => set((s) => void (s.present = next)),
    togglePresent: () => set((s) => void (s.present = !s.present)),
    leavePresent: () => set((s) => void (s.present = false)),
    addAlert: (alert) => set((s) => void (s.alerts = [...s.alerts, { ...alert, id: nextAlertId++ }])),
    dismissAlert: (id) => set((s) => void (s.alerts = s.alerts.filter((a) => a.id !== id))),
  };
}
