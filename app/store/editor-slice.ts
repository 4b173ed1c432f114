// The engine's values are deeply readonly and the drafts immer hands a recipe are typed
// mutable: castDraft (a no-op at run time) stores them as they are.
import { castDraft } from 'immer';
import { nextSeed } from '../editor/next-seed';
import { whenLoaded, type LoadResult } from './background-simulator';
import type { AppState, EditorSlice, EditorSnapshot, SliceCreator } from './types';

/** How many edits undo remembers. */
const HISTORY_LIMIT = 100;

/**
 * What is on screen, as a snapshot. When it is what the editor last put
 * there, the editor's record (with its base preset) is it; otherwise the
 * scenario came from elsewhere (the header's preset picker, a link).
 */
export function snapshotOf(s: AppState): EditorSnapshot {
  const current = s.editor.current;
  if (current && current.scenario === s.scenario) return { ...current, seed: s.trace.seed };
  return { scenario: s.scenario, seed: s.trace.seed, presetName: s.presetName, basePreset: s.presetName };
}

/** The preset "Reset to preset" goes back to: the one on screen, or the one a custom scenario was edited from. */
export function resetTarget(s: AppState): string | null {
  const snap = snapshotOf(s);
  return snap.presetName ?? snap.basePreset;
}

const push = (stack: readonly EditorSnapshot[], snap: EditorSnapshot) => [...stack, snap].slice(-HISTORY_LIMIT);

/**
 * Undo and redo over good scenarios only: an edit the validation refuses
 * never enters the history. The history is linear even when a scenario is
 * loaded elsewhere between two edits: undo first returns to what the editor
 * last showed, then further back.
 */
export const createEditorSlice: SliceCreator<EditorSlice> = (set, get) => {
  /**
   * Puts a snapshot back on screen: a preset as that preset (its name, its URL), anything
   * else as a custom scenario; then `then` gets what is on screen (later, for a big
   * scenario simulated in the background; never when that is cancelled).
   */
  const show = (snap: EditorSnapshot, then: (shown: EditorSnapshot) => void) => {
    const step = get().cursor.step;
    const shown = () => {
      const s = get();
      then({ scenario: s.scenario, seed: s.trace.seed, presetName: s.presetName, basePreset: snap.basePreset });
    };
    if (snap.presetName !== null && get().loadPreset(snap.presetName, snap.seed)) {
      get().seek(step);
      shown();
    } else whenLoaded(get().loadScenario({ ...snap.scenario, seed: snap.seed }, { keepStep: true }), shown);
  };
  const record = (before: EditorSnapshot, after: EditorSnapshot) =>
    set((s) => {
      s.editor.past = push(s.editor.past, before);
      s.editor.future = [];
      s.editor.current = after;
      s.editor.errors = [];
    });

  return {
    editor: { past: [], future: [], current: null, errors: [], restoreErrors: null },
    commitEdit: (input) => {
      const before = snapshotOf(get());
      const result = get().loadScenario(input, { keepStep: true });
      whenLoaded(result, (loaded) => {
        if (!loaded.ok) {
          set((s) => void (s.editor.errors = castDraft(loaded.errors)));
          return;
        }
        const s = get();
        record(before, { scenario: s.scenario, seed: s.trace.seed, presetName: null, basePreset: before.presetName ?? before.basePreset });
      });
      return result;
    },
    undo: () => {
      const s = get();
      const now = snapshotOf(s);
      const current = s.editor.current;
      // A scenario loaded elsewhere since the last edit: undo returns to the editor's last one first.
      const away = current !== null && current.scenario !== s.scenario;
      const target = away ? current : s.editor.past.at(-1);
      if (!target) return;
      show(target, (shown) =>
        set((d) => {
          if (!away) d.editor.past = d.editor.past.slice(0, -1);
          d.editor.future = push(d.editor.future, now);
          d.editor.current = shown;
          d.editor.errors = [];
        }),
      );
    },
    redo: () => {
      const target = get().editor.future.at(-1);
      if (!target) return;
      const now = snapshotOf(get());
      show(target, (shown) =>
        set((d) => {
          d.editor.future = d.editor.future.slice(0, -1);
          d.editor.past = push(d.editor.past, now);
          d.editor.current = shown;
          d.editor.errors = [];
        }),
      );
    },
    rollAgain: () => {
      const s = get();
      const seed = nextSeed(s.trace.seed);
      if (s.presetName === null) {
        get().commitEdit({ ...s.scenario, seed });
        return;
      }
      // A preset stays a preset with another seed, so its URL (preset=...&seed=...) still says what is on screen.
      const before = snapshotOf(s);
      const step = s.cursor.step;
      if (!get().loadPreset(s.presetName, seed)) return;
      get().seek(step);
      record(before, { scenario: get().scenario, seed, presetName: s.presetName, basePreset: s.presetName });
    },
    resetToPreset: () => {
      const name = resetTarget(get());
      if (name === null) return;
      const before = snapshotOf(get());
      if (!get().loadPreset(name)) return;
      const s = get();
      record(before, { scenario: s.scenario, seed: s.trace.seed, presetName: name, basePreset: name });
    },
    setEditorErrors: (errors) => set((s) => void (s.editor.errors = castDraft(errors))),
    setRestoreErrors: (errors) => set((s) => void (s.editor.restoreErrors = castDraft(errors))),
    restoreScenario: (input, basePreset): LoadResult => {
      const result = get().loadScenario(input, { keepStep: true });
      whenLoaded(result, (loaded) => {
        const s = get();
        set((d) => {
          if (!loaded.ok) {
            d.editor.restoreErrors = castDraft(loaded.errors);
            return;
          }
          d.editor.restoreErrors = null;
          d.editor.current = { scenario: s.scenario, seed: s.trace.seed, presetName: null, basePreset };
        });
      });
      return result;
    },
  };
};
