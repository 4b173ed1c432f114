import type { StateCreator } from 'zustand/vanilla';
import type { Cursor, IpvsScheduler, Lang, ProxyMode, Scenario, ScenarioError, ScenarioInput, Trace } from '../../src/index';
import type { Theme } from './theme';
import type { LoadResult, PendingLoad } from './background-simulator';
import type { QuizSlice } from './quiz-slice';

/** The cluster topology, the article's figures, or every step as a list. */
export type View = 'cluster' | 'classic' | 'list';

/** A URL parameter the page could not use, and what it did instead. */
export interface Alert {
  readonly id: number;
  readonly param: string;
  readonly value: string;
  readonly reason: 'unknown' | 'out-of-range' | 'invalid';
  /** What the page shows instead: the parameter's default, or (a number past the end) the nearest value. */
  readonly instead?: 'default' | 'nearest';
}

export interface ScenarioSlice {
  /** The preset on screen, or null for a scenario a user built or opened from a link or a file. */
  presetName: string | null;
  scenario: Scenario;
  /** kube-proxy's mode the trace was simulated in. */
  mode: ProxyMode;
  trace: Trace;
  /** Re-simulates the same scenario and seed in the other mode, keeping the step. */
  setMode: (mode: ProxyMode) => void;
  /** IPVS mode's scheduler (kube-proxy's `ipvs.scheduler`). */
  scheduler: IpvsScheduler;
  setScheduler: (scheduler: IpvsScheduler) => void;
  /**
   * Validates untrusted scenario JSON and, when it is valid, shows it (as a
   * custom scenario) from its first step, or at the same step with `keepStep`;
   * in the mode and with the scheduler on screen, or its own with `ownMode`.
   * On errors nothing changes and the errors come back, each with its path.
   * A big scenario is validated and simulated in the background: the result is
   * then pending (see `whenLoaded`) and the scenario on screen stays until it lands.
   */
  loadScenario: (input: unknown, options?: LoadOptions) => LoadResult;
  /**
   * Runs the engine on a preset, from its first step; false (and nothing changes) for an
   * unknown name. A preset big enough for the background (`needsBackground`) is simulated
   * there: the result is then pending, like `loadScenario`'s, and the scenario on screen stays until it lands.
   */
  loadPreset: (name: string, seed?: number) => boolean | PendingLoad;
  /** A big scenario being simulated in the background, and how far it is; null when none is. */
  simulation: SimulationStatus | null;
  /** Why the last background simulation failed (the previous scenario stayed), until dismissed or the next one starts. */
  simulationError: string | null;
  /** Stops the background simulation: nothing on screen changes. */
  cancelSimulation: () => void;
  dismissSimulationError: () => void;
}

export interface LoadOptions {
  /** Stay at the step on screen (clamped) rather than go to the first. */
  readonly keepStep?: boolean;
  /** Simulate in the scenario's own mode and scheduler (a file carries them) and switch to them. */
  readonly ownMode?: boolean;
  /** The input is JSON text (a file) of at most this many characters, read like `readScenarioJsonValue` reads it. */
  readonly textLimit?: number;
}

/** What a background simulation was started for: a scenario to open, or the one on screen in another mode or scheduler. */
export type SimulationPurpose = 'scenario' | 'mode' | 'scheduler';

export interface SimulationStatus {
  readonly purpose: SimulationPurpose;
  /** The mode and scheduler simulated; null for a scenario simulated in its own. */
  readonly mode: ProxyMode | null;
  readonly scheduler: IpvsScheduler | null;
  /** Units of work done of `total` (see `SimulateProgress`); total is 0 until the first report. */
  readonly done: number;
  readonly total: number;
}

/** Playback speeds the controls step through with + and -. */
export const SPEEDS = [0.25, 0.5, 1, 1.5, 2, 3, 4] as const;

export interface PlaybackSlice {
  /** The step on screen and how far (0..1) the packet is along it. */
  cursor: Cursor;
  playing: boolean;
  speed: number;
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  /** Jumps to a step (clamped), paused there with the packet halfway along it, as the GIFs draw it. */
  seek: (step: number) => void;
  stepForward: () => void;
  stepBack: () => void;
  first: () => void;
  last: () => void;
  setSpeed: (speed: number) => void;
  faster: () => void;
  slower: () => void;
  /** Moves the packet on by `ms` of wall-clock time (the player calls it every animation frame). */
  advance: (ms: number) => void;
}

/** A teaching lab the side pane shows (`lab=`): the load-balancing lab, or "Your node" (a pasted iptables-save traced). */
export type Lab = 'lb' | 'node';

export interface UiSlice {
  view: View;
  lang: Lang;
  /** Presenter mode (`present=1`, key F): the view and the narration only, in large type. */
  present: boolean;
  /** The colour theme (`theme=`; `auto`, the default, follows the system). */
  theme: Theme;
  alerts: readonly Alert[];
  /** The lab open in the side pane (`lab=lb`), or null. */
  lab: Lab | null;
  setLab: (lab: Lab | null) => void;
  setView: (view: View) => void;
  setPresent: (present: boolean) => void;
  togglePresent: () => void;
  /** Leaves presenter mode (Escape); nothing otherwise. */
  leavePresent: () => void;
  setLang: (lang: Lang) => void;
  setTheme: (theme: Theme) => void;
  addAlert: (alert: Omit<Alert, 'id'>) => void;
  dismissAlert: (id: number) => void;
}

/** A good scenario as it was on screen, for undo and redo. */
export interface EditorSnapshot {
  readonly scenario: Scenario;
  /** The trace's seed (a preset opened with ?seed= runs another seed than its scenario's). */
  readonly seed: number;
  /** The preset it was, or null for a custom scenario. */
  readonly presetName: string | null;
  /** The preset a custom scenario was edited from ("Reset to preset"), or null. */
  readonly basePreset: string | null;
}

export interface EditorSlice {
  editor: {
    past: readonly EditorSnapshot[];
    future: readonly EditorSnapshot[];
    /** What the editor last put on screen; a scenario loaded elsewhere (header, link) is told apart by identity. */
    current: EditorSnapshot | null;
    /** Why the last edit was refused; the page keeps the last good scenario meanwhile. */
    errors: readonly ScenarioError[];
    /** Why the scenario saved in this browser could not be restored, or null. */
    restoreErrors: readonly ScenarioError[] | null;
  };
  /** Validates and shows an edited scenario (keeping the step); on errors nothing changes but `editor.errors`. */
  commitEdit: (input: ScenarioInput) => LoadResult;
  undo: () => void;
  redo: () => void;
  /** A new seed, the next one of a fixed generator: the same scenario rolls the same way every time. */
  rollAgain: () => void;
  /** Back to the preset the scenario was edited from (undoable). */
  resetToPreset: () => void;
  /** Errors found before validation (a label without "="), shown like the scenario's own. */
  setEditorErrors: (errors: readonly ScenarioError[]) => void;
  /** Opens a custom scenario saved earlier, with the preset it came from; its errors are kept in `editor.restoreErrors`. */
  restoreScenario: (input: unknown, basePreset: string | null) => LoadResult;
  /** Says why a saved scenario was ignored (it could not even be read), or clears that. */
  setRestoreErrors: (errors: readonly ScenarioError[] | null) => void;
}

export type AppState = ScenarioSlice & PlaybackSlice & UiSlice & EditorSlice & QuizSlice;

/**
 * A slice creator: it sees the whole store and sets it through the immer
 * middleware's draft (zustand's slices pattern), and returns only its own slice.
 */
export type SliceCreator<Slice> = StateCreator<AppState, [['zustand/immer', never]], [], Slice>;
