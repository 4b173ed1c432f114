import { IPVS_SCHEDULERS, PRESET_NAMES, PRESETS, type Figure, type IpvsScheduler, type Lang, type ProxyMode } from '../../src/index';
import type { AppStore } from '../store/create-app-store';
import { classicStepsOf } from '../store/classic-navigation';
import { THEMES, type Theme } from '../store/theme';
import type { Alert, AppState, Lab, View } from '../store/types';
import { whenLoaded, type LoadResult } from '../store/background-simulator';
import { scenarioIo } from './load-scenario-io';
import { holdNodeLink } from './node-link-param';
import { openLinkScenario } from './scenario-link';

type AlertInput = Omit<Alert, 'id'>;

const FIGURES: readonly Figure[] = ['pod-to-service', 'service-to-pod'];
const VIEWS: readonly View[] = ['cluster', 'classic', 'list'];
const LANGS: readonly Lang[] = ['en', 'zh'];
const MODES: readonly ProxyMode[] = ['iptables', 'ipvs', 'nftables'];
const LABS: readonly Lab[] = ['lb', 'node'];

/** What a URL asks for, after checking each parameter; `alerts` says what could not be used. */
export interface UrlRequest {
  readonly preset: string;
  readonly seed: number | undefined;
  readonly view: View;
  readonly lang: Lang;
  readonly mode: ProxyMode;
  readonly scheduler: IpvsScheduler;
  readonly figure: Figure;
  /** The raw step parameter, checked once the trace is known. */
  readonly step: string | null;
  /** The raw `s=` (a custom scenario, lz-string compressed), decoded once the store exists; it wins over `preset`. */
  readonly scenario: string | null;
  /** `embed=1`: only the topology, the controls and the narration, for an iframe. */
  readonly embed: boolean;
  /** `present=1`: presenter mode. */
  readonly present: boolean;
  /** `theme=light|dark|contrast`; absent, the page follows the system (`auto`). */
  readonly theme: Theme;
  /**
   * `quiz=N`: quiz mode at question N (1-based); null without it. `raw` is the URL's
   * value, checked against the number of questions once they are known (too large: the last).
   */
  readonly quiz: { readonly question: number; readonly raw: string | null } | null;
  /** `lab=lb`: the side pane opens on the load-balancing lab. */
  readonly lab: Lab | null;
  /** The raw `node=` (a Your node trace, lz-string compressed), handed to the tab; it opens the tab (`lab=node`). */
  readonly nodeLink: string | null;
  readonly alerts: readonly AlertInput[];
}

/** What `writeUrl` adds beyond the store: the embed flag is the page's, not the store's. */
export interface WriteUrlOptions {
  readonly embed?: boolean;
}

function pick<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[], fallback: T, alerts: AlertInput[]): T {
  const value = params.get(name);
  if (value === null) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  alerts.push({ param: name, value, reason: 'unknown' });
  return fallback;
}

/**
 * Reads the page's parameters from an untrusted query string: `s` (a custom
 * scenario), `preset`, `seed`, `view`, `figure`, `step`, `lang`, `mode`,
 * `scheduler`, `embed`, `present`, `theme`, `quiz`, `lab`, `node`. Each value is checked
 * against what the page knows; anything else is reported and replaced by its
 * default, so a garbage URL still opens a working page. Values are never
 * rendered as HTML (React escapes them in the alert).
 */
export function readUrl(search: string): UrlRequest {
  const params = new URLSearchParams(search);
  const alerts: AlertInput[] = [];
  const preset = pick(params, 'preset', PRESET_NAMES, 'article', alerts);
  const view = pick(params, 'view', VIEWS, 'cluster', alerts);
  const lang = pick(params, 'lang', LANGS, 'en', alerts);
  const figure = pick(params, 'figure', FIGURES, 'pod-to-service', alerts);
  const mode = pick(params, 'mode', MODES, 'iptables', alerts);
  const scheduler = pick(params, 'scheduler', IPVS_SCHEDULERS, 'rr', alerts);
  let seed: number | undefined;
  const rawSeed = params.get('seed');
  if (rawSeed !== null) {
    if (/^[0-9]{1,10}$/.test(rawSeed) && Number(rawSeed) <= 0xffffffff) seed = Number(rawSeed);
    else alerts.push({ param: 'seed', value: rawSeed, reason: 'invalid' });
  }
  const embed = pick(params, 'embed', ['0', '1'], '0', alerts) === '1';
  const present = pick(params, 'present', ['0', '1'], '0', alerts) === '1';
  const theme = pick(params, 'theme', THEMES, 'auto', alerts);
  const quiz = readQuiz(params.get('quiz'), alerts);
  const nodeLink = params.get('node');
  // A Your node link opens its tab, whatever `lab` says.
  const lab = nodeLink !== null ? 'node' : params.has('lab') ? pick<Lab | ''>(params, 'lab', LABS, '', alerts) || null : null;
  return {
    preset,
    seed,
    view,
    lang,
    mode,
    scheduler,
    figure,
    step: params.get('step'),
    scenario: params.get('s'),
    embed,
    present,
    theme,
    quiz,
    lab,
    nodeLink,
    alerts,
  };
}

/**
 * `quiz=N`: a question number, 1-based. Not a number: the first question, with an
 * alert; 0: the nearest, the first, with an alert. Past the last question is found
 * out once the questions are built (the store's `setQuizSteps`), which alerts then.
 */
function readQuiz(raw: string | null, alerts: AlertInput[]): UrlRequest['quiz'] {
  if (raw === null) return null;
  if (!/^[0-9]{1,6}$/.test(raw)) {
    alerts.push({ param: 'quiz', value: raw, reason: 'invalid' });
    return { question: 1, raw: null };
  }
  if (Number(raw) < 1) {
    alerts.push({ param: 'quiz', value: raw, reason: 'out-of-range', instead: 'nearest' });
    return { question: 1, raw: null };
  }
  return { question: Number(raw), raw };
}

/**
 * A preset's own seed, read from its input: parsing `large` for it would block the
 * page for most of a second (`writeUrl` runs on every store change).
 */
export function presetSeed(name: string): number | undefined {
  return Object.hasOwn(PRESETS, name) ? PRESETS[name]!.seed : undefined;
}

/**
 * Positions a freshly created store at the URL's step: a 1-based trace step in
 * the cluster view, the article figure's step number in the classic view.
 */
export function applyUrlStep(store: AppStore, request: UrlRequest): void {
  const state = store.getState();
  const alert = (reason: AlertInput['reason']) => state.addAlert({ param: 'step', value: request.step ?? '', reason });
  // A preset that does not fit the article's figures keeps the classic view,
  // which says so itself and offers the cluster view; its step is a trace step.
  const pictures = request.view === 'classic' ? classicStepsOf(state.trace) : null;
  const candidates = pictures ? pictures.filter((p) => p.figure === request.figure) : null;
  const count = candidates ? candidates.length : state.trace.steps.length;
  let n = 1;
  if (request.step !== null) {
    const parsed = /^[0-9]{1,6}$/.test(request.step) ? Number(request.step) : NaN;
    if (Number.isNaN(parsed)) alert('invalid');
    else if (parsed < 1 || parsed > count) alert('out-of-range');
    else n = parsed;
  }
  state.seek(candidates ? candidates[n - 1]!.stepIndex : n - 1);
}

/**
 * The query string for what is on screen: a preset by name (readable), a
 * custom scenario as `s=` first (lz-string's URI-safe characters, written
 * as they are; left out when longer than a link may be), then the view, the
 * step, the language, the mode, presenter mode and the theme (only one the
 * person chose: a link without it follows each reader's system).
 */
export function writeUrl(state: AppState, options: WriteUrlOptions = {}): string {
  const params = new URLSearchParams();
  // A scenario too large for a link is left out rather than written unreadable: a reload then
  // finds no scenario in the URL and opens the one this browser saved (the share menu says so).
  // The codec is loaded whenever a custom scenario is on screen (every way to one loads it first).
  const io = state.presetName === null ? scenarioIo() : null;
  const link = io ? io.linkOf(state.scenario) : null;
  const custom = io && link !== null && link.length <= io.MAX_LINK_CHARS ? `s=${link}` : null;
  if (state.presetName !== null) {
    params.set('preset', state.presetName);
    if (state.trace.seed !== presetSeed(state.presetName)) params.set('seed', String(state.trace.seed));
  }
  params.set('view', state.view);
  const pictures = state.view === 'classic' ? classicStepsOf(state.trace) : null;
  const picture = pictures?.filter((p) => p.stepIndex <= state.cursor.step).at(-1) ?? pictures?.[0];
  if (picture) {
    params.set('figure', picture.figure);
    params.set('step', String(picture.n));
  } else {
    params.set('step', String(state.cursor.step + 1));
  }
  params.set('lang', state.lang);
  if (state.mode !== 'iptables') params.set('mode', state.mode);
  if (state.mode === 'ipvs' && state.scheduler !== 'rr') params.set('scheduler', state.scheduler);
  if (state.present) params.set('present', '1');
  if (state.theme !== 'auto') params.set('theme', state.theme);
  if (state.quiz) params.set('quiz', String(state.quiz.question));
  if (state.lab !== null) params.set('lab', state.lab);
  if (options.embed) params.set('embed', '1');
  return custom === null ? `?${params.toString()}` : `?${custom}&${params.toString()}`;
}

/** What writeUrl reads of the state: a change to anything else (an animation frame's cursor.t) changes no URL. */
const urlInputs = (state: AppState) =>
  [
    state.presetName,
    state.scenario,
    state.trace,
    state.view,
    state.cursor.step,
    state.lang,
    state.mode,
    state.scheduler,
    state.present,
    state.theme,
    state.quiz?.question,
    state.lab,
    scenarioIo(),
  ] as const;

/**
 * writeUrl for a subscriber called at every store change: it writes the query
 * string again only when one of the state's parts the URL is made of changed,
 * so playback (a store change every animation frame) serialises nothing.
 */
export function urlWriter(options: WriteUrlOptions = {}): (state: AppState) => string {
  let inputs: readonly unknown[] = [];
  let search = '';
  return (state) => {
    const next = urlInputs(state);
    if (next.length !== inputs.length || next.some((v, i) => v !== inputs[i])) {
      inputs = next;
      search = writeUrl(state, options);
    }
    return search;
  };
}

/**
 * A store opened on the frame a URL names, with an alert for each parameter
 * it could not use. A custom scenario (`s=`) wins over `preset=`; when it
 * cannot be read, its alert says why and the preset (by default the
 * article's) is shown instead.
 */
export function openFromUrl(
  search: string,
  createStore: (options: {
    preset: string;
    seed?: number;
    view: View;
    lang: Lang;
    mode: ProxyMode;
    scheduler: IpvsScheduler;
    present: boolean;
    theme: Theme;
    lab: Lab | null;
  }) => AppStore,
): AppStore {
  const request = readUrl(search);
  const store = createStore({
    preset: request.preset,
    ...(request.seed === undefined ? {} : { seed: request.seed }),
    view: request.view,
    lang: request.lang,
    mode: request.mode,
    scheduler: request.scheduler,
    present: request.present,
    theme: request.theme,
    lab: request.lab,
  });
  for (const alert of request.alerts) store.getState().addAlert(alert);
  if (request.nodeLink !== null) holdNodeLink(store, request.nodeLink);
  const opened = request.scenario !== null ? openLinkScenario(store, request.scenario) : openBigPreset(store, request);
  // The store opened in iptables mode when this mode's engine could not load here: the worker has it.
  if (store.getState().mode !== request.mode) store.getState().setMode(request.mode);
  // A big scenario lands later (simulated in the background): its step is applied then.
  if (opened?.ok !== 'pending') applyUrlStep(store, request);
  else
    whenLoaded(opened, (result) => {
      if (result.ok) applyUrlStep(store, request);
    });
  // The quiz's chunk builds the questions and then puts the page at the step before this one.
  // An embedded page has no room for the card: it steps through the trace as ever.
  if (request.quiz && !request.embed) store.getState().openQuiz(request.quiz.question, request.quiz.raw ?? undefined);
  return store;
}

/**
 * A preset big enough to be simulated in the background (`large`) is not opened by the
 * store itself, so the first paint does not wait for it: it is loaded here, pending.
 */
function openBigPreset(store: AppStore, request: UrlRequest): LoadResult | null {
  const state = store.getState();
  if (state.presetName === request.preset) return null;
  const loaded = state.loadPreset(request.preset, request.seed);
  return typeof loaded === 'boolean' ? null : loaded;
}
