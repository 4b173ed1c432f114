import type { ProxyMode } from '../../src/index';
import type { View } from '../store/types';
import { loadClusterEvents } from '../store/load-cluster-events';
import { loadModeEngine } from '../store/load-mode-engine';
import { loadScenarioIo } from '../url/load-scenario-io';
import { lazyPart } from './lazy-part';

// The parts of the page the first frame of the default page does not show, each in a chunk
// of its own (see bench:load): they load when opened, or a little earlier when the pointer or
// the focus reaches what opens them, or before the first frame when the URL opens them.

/** The editor and the share menu put custom scenarios on screen: they need the scenario reader too. */
const withReader = <T>(chunk: Promise<T>) => Promise.all([chunk, loadScenarioIo()]).then(([module]) => module);

export const scenarioEditor = lazyPart('editor', () => withReader(import('../editor/ScenarioEditor')).then((m) => m.ScenarioEditor));
export const sharePanel = lazyPart('share', () => withReader(import('./SharePanel')).then((m) => m.SharePanel));
/** IPVS mode's tables, with the mode's engine: the panel prints the node's tables, and the store simulates in that mode. */
export const ipvsPanel = lazyPart('ipvs', () =>
  Promise.all([import('../panels/IpvsPanel'), loadModeEngine('ipvs')]).then(([m]) => m.IpvsPanel),
);
/** nftables mode's panel, with the mode's engine: the panel prints the node's table, and the store simulates in that mode. */
export const nftablesPanel = lazyPart('nftables', () =>
  Promise.all([import('../panels/nftables/NftablesPanel'), loadModeEngine('nftables')]).then(([m]) => m.NftablesPanel),
);
export const classicPane = lazyPart('classic', () => import('./ClassicPane').then((m) => m.ClassicPane));
export const stepListPane = lazyPart('list', () => import('./StepListPane').then((m) => m.StepListPane));
/** Quiz mode's card, with the engine's question builder. */
export const quizCard = lazyPart('quiz', () => import('../quiz/QuizCard').then((m) => m.QuizCard));
export const verifyPanel = lazyPart('verify', () => import('../panels/verify/VerifyPanel').then((m) => m.VerifyPanel));
export const labPanel = lazyPart('lab', () => import('../lab/LabPanel').then((m) => m.LabPanel));
/** A kube-proxy-sync step's changes to the node's tables: only scenarios with control-plane events have one. */
export const rulesDiffView = lazyPart('rules-diff', () => import('../panels/RulesDiffView').then((m) => m.RulesDiffView));
/** "Your node": a pasted iptables-save traced, with the node-trace engine and its worker. */
export const nodePanel = lazyPart('node', () => import('../node/NodePanel').then((m) => m.NodePanel));

/** Loads the chunk of a view (the cluster view is in the page's own). */
export const preloadView = (view: View): Promise<void> =>
  view === 'classic' ? classicPane.preload() : view === 'list' ? stepListPane.preload() : Promise.resolve();

/** Loads the chunk a kube-proxy mode adds (its engine, and IPVS mode's tables or nftables mode's panel). */
export const preloadMode = (mode: ProxyMode): Promise<void> =>
  mode === 'ipvs' ? ipvsPanel.preload() : mode === 'nftables' ? nftablesPanel.preload() : Promise.resolve();

/** What a URL opens on. */
export interface OpeningParts {
  readonly view: View;
  readonly mode: ProxyMode;
  /** A custom scenario to read: a link's `s=`, or the one saved in this browser. */
  readonly customScenario: boolean;
  /** A preset with control-plane events: their engine. */
  readonly events?: boolean;
  /** `quiz=N`: quiz mode's card. */
  readonly quiz?: boolean;
  /** `lab=lb`: the side pane opens on the lab. */
  readonly lab?: boolean;
  /** `lab=node`: the side pane opens on "Your node". */
  readonly node?: boolean;
}

/**
 * Loads what the URL opens, before the first frame, so that it appears whole: no placeholder,
 * nothing shifting after it. A chunk that fails leaves its part to say so (with Retry), and a
 * reader that fails leaves the link's alert to say so: the page opens either way.
 */
export async function preloadOpening({
  view,
  mode,
  customScenario,
  events = false,
  quiz = false,
  lab = false,
  node = false,
}: OpeningParts): Promise<void> {
  await Promise.all([
    preloadView(view),
    preloadMode(mode),
    customScenario ? loadScenarioIo().catch(() => undefined) : undefined,
    // A failed load leaves the store to open the article and bring the preset in later (scenario-slice.ts).
    events ? loadClusterEvents().catch(() => undefined) : undefined,
    quiz ? quizCard.preload() : undefined,
    lab ? labPanel.preload() : undefined,
    node ? nodePanel.preload() : undefined,
  ]);
}

/** Every part and the reader loaded: tests render the page as it is once the chunks are in. */
export async function preloadAllParts(): Promise<void> {
  await Promise.all([
    loadScenarioIo(),
    loadClusterEvents(),
    ...[
      scenarioEditor,
      sharePanel,
      ipvsPanel,
      nftablesPanel,
      classicPane,
      stepListPane,
      quizCard,
      verifyPanel,
      labPanel,
      nodePanel,
      rulesDiffView,
    ].map((p) => p.preload()),
  ]);
}
