import type { Step } from '../../src/index';
import { classicPosition, classicStepsOf } from './classic-navigation';
import { resetTarget } from './editor-slice';
import type { AppState } from './types';

// Module-level selectors: stable identities, so components re-render only when
// the value they read changes. Only the packet layer reads the cursor's `t`.
export const selectTrace = (s: AppState) => s.trace;
export const selectScenario = (s: AppState) => s.scenario;
export const selectPresetName = (s: AppState) => s.presetName;
export const selectMode = (s: AppState) => s.mode;
export const selectScheduler = (s: AppState) => s.scheduler;
export const selectStepIndex = (s: AppState) => s.cursor.step;
export const selectStepCount = (s: AppState) => s.trace.steps.length;
export const selectCurrentStep = (s: AppState): Step | undefined => s.trace.steps[s.cursor.step];
export const selectCursor = (s: AppState) => s.cursor;
export const selectPlaying = (s: AppState) => s.playing;
export const selectSpeed = (s: AppState) => s.speed;
export const selectView = (s: AppState) => s.view;
export const selectLang = (s: AppState) => s.lang;
export const selectPresent = (s: AppState) => s.present;
export const selectAlerts = (s: AppState) => s.alerts;
export const selectClassicSteps = (s: AppState) => classicStepsOf(s.trace);
/** The article picture on screen in the classic view, or null when the trace does not fit the figures. */
export const selectClassicStep = (s: AppState) => {
  const pictures = classicStepsOf(s.trace);
  return pictures ? pictures[classicPosition(s.trace, s.cursor.step)]! : null;
};
// No selector builds the Frame: it is a new object each time, so the packet
// layer reads selectCursor and selectTrace and calls frameAt itself.
// The scenario editor: history, refused edits, what "Reset to preset" returns to.
export const selectCanUndo = (s: AppState) => s.editor.past.length > 0 || (s.editor.current !== null && s.editor.current.scenario !== s.scenario);
export const selectCanRedo = (s: AppState) => s.editor.future.length > 0;
export const selectEditorErrors = (s: AppState) => s.editor.errors;
export const selectRestoreErrors = (s: AppState) => s.editor.restoreErrors;
export const selectResetPreset = (s: AppState) => resetTarget(s);
export const selectSeed = (s: AppState) => s.trace.seed;
