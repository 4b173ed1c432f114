import { isPacketStep, type Step } from '../../src/index';
import type { ShortcutAction } from '../controls/keyboard-map';
import { clusterStrings } from '../i18n/cluster-strings';
import { clusterLayoutOf } from '../topology/cluster/cluster-layout-of';
import { urlWriter } from '../url/url-state';
import { classicPosition, classicStepsOf } from './classic-navigation';
import { resetTarget } from './editor-slice';
import type { AppState } from './types';

// Every selector of the app, as module-level constants: stable identities, so
// components re-render only when the value they read changes. A selector that
// builds an object is read through useShallow. Only the packet layer reads the
// cursor's `t`.

// The scenario and its trace.
export const selectTrace = (s: AppState) => s.trace;
/** The scenario object itself: the editor's forms are keyed by its identity (see scenario-key.ts). */
export const selectScenario = (s: AppState) => s.scenario;
export const selectPresetName = (s: AppState) => s.presetName;
export const selectMode = (s: AppState) => s.mode;
/** The trace's own mode, so the IPVS panel never shows for a trace that has no IPVS tables. */
export const selectTraceMode = (s: AppState) => s.trace.mode;
export const selectScheduler = (s: AppState) => s.scheduler;
export const selectSeed = (s: AppState) => s.trace.seed;
export const selectLoadScenario = (s: AppState) => s.loadScenario;
export const selectLoadPreset = (s: AppState) => s.loadPreset;
export const selectSetMode = (s: AppState) => s.setMode;
export const selectSetScheduler = (s: AppState) => s.setScheduler;
// A big scenario simulated in the background.
export const selectSimulation = (s: AppState) => s.simulation;
export const selectSimulationError = (s: AppState) => s.simulationError;
export const selectCancelSimulation = (s: AppState) => s.cancelSimulation;
export const selectDismissSimulationError = (s: AppState) => s.dismissSimulationError;

// Parts of the scenario on screen: each is a part of the frozen scenario itself,
// so its identity changes only when the part does.
export const selectNodes = (s: AppState) => s.scenario.cluster.nodes;
export const selectPods = (s: AppState) => s.scenario.cluster.pods;
export const selectServices = (s: AppState) => s.scenario.cluster.services;
export const selectTraffic = (s: AppState) => s.scenario.traffic;
export const selectTopology = (s: AppState) => s.trace.topology;

// Playback.
export const selectStepIndex = (s: AppState) => s.cursor.step;
export const selectStepCount = (s: AppState) => s.trace.steps.length;
export const selectCurrentStep = (s: AppState): Step | undefined => s.trace.steps[s.cursor.step];
export const selectCursor = (s: AppState) => s.cursor;
export const selectPlaying = (s: AppState) => s.playing;
export const selectSpeed = (s: AppState) => s.speed;
export const selectSeek = (s: AppState) => s.seek;
export const selectSetSpeed = (s: AppState) => s.setSpeed;
export const selectFaster = (s: AppState) => s.faster;
export const selectSlower = (s: AppState) => s.slower;
/** The transport buttons' actions (an object: read it through useShallow). */
export const selectTransport = (s: AppState) => ({
  first: s.first,
  stepBack: s.stepBack,
  togglePlay: s.togglePlay,
  stepForward: s.stepForward,
  last: s.last,
});
/** What each playback key does (an object: read it through useShallow). */
export const selectShortcutActions = (s: AppState): Readonly<Record<ShortcutAction, () => void>> => ({
  togglePlay: s.togglePlay,
  stepBack: s.stepBack,
  stepForward: s.stepForward,
  first: s.first,
  last: s.last,
  faster: s.faster,
  slower: s.slower,
  togglePresent: s.togglePresent,
  leavePresent: s.leavePresent,
});

// The page: view, language, alerts, and the URL of what is on screen.
export const selectView = (s: AppState) => s.view;
export const selectLang = (s: AppState) => s.lang;
export const selectPresent = (s: AppState) => s.present;
export const selectTogglePresent = (s: AppState) => s.togglePresent;
export const selectAlerts = (s: AppState) => s.alerts;
export const selectSetView = (s: AppState) => s.setView;
export const selectSetLang = (s: AppState) => s.setLang;
export const selectTheme = (s: AppState) => s.theme;
export const selectSetTheme = (s: AppState) => s.setTheme;
export const selectLab = (s: AppState) => s.lab;
export const selectSetLab = (s: AppState) => s.setLab;
export const selectDismissAlert = (s: AppState) => s.dismissAlert;
/**
 * The query string of the frame on screen, as the page writes it (without
 * embed=1): a string, so a reader re-renders only when it changes.
 */
/** The query string of what is on screen, written again only when it can have changed (not at every animation frame). */
export const selectSearch = urlWriter();

// The article's figures.
export const selectClassicSteps = (s: AppState) => classicStepsOf(s.trace);
/** The article picture on screen in the classic view, or null when the trace does not fit the figures. */
export const selectClassicStep = (s: AppState) => {
  const pictures = classicStepsOf(s.trace);
  return pictures ? pictures[classicPosition(s.trace, s.cursor.step)]! : null;
};

// The cluster view. No selector builds the Frame: it is a new object each time,
// so the packet layer reads selectCursor and selectTrace and calls frameAt itself.
/** The drawing of the cluster as it is at the current step (memoised per epoch of the trace). */
export const selectClusterLayout = (s: AppState) => clusterLayoutOf(s.trace, s.cursor.step);
export const selectClusterStrings = (s: AppState) => clusterStrings[s.lang];
/** The connection the current step belongs to: its client, its Service and the endpoint it was sent to. */
export const selectCurrentConnection = (s: AppState) => {
  const step = s.trace.steps[s.cursor.step];
  return step && isPacketStep(step) ? (s.trace.connections[step.connection] ?? null) : null;
};
/** The device the current step starts on: the view keeps it in sight. */
export const selectCurrentDevice = (s: AppState) => s.trace.steps[s.cursor.step]?.at ?? null;

// The scenario editor: history, refused edits, what "Reset to preset" returns to.
export const selectCanUndo = (s: AppState) =>
  s.editor.past.length > 0 || (s.editor.current !== null && s.editor.current.scenario !== s.scenario);
export const selectCanRedo = (s: AppState) => s.editor.future.length > 0;
export const selectEditorErrors = (s: AppState) => s.editor.errors;
export const selectRestoreErrors = (s: AppState) => s.editor.restoreErrors;
export const selectResetPreset = (s: AppState) => resetTarget(s);
export const selectUndo = (s: AppState) => s.undo;
export const selectRedo = (s: AppState) => s.redo;
export const selectRollAgain = (s: AppState) => s.rollAgain;
export const selectResetToPreset = (s: AppState) => s.resetToPreset;
export const selectSetRestoreErrors = (s: AppState) => s.setRestoreErrors;
