import type { StepDraft } from '../dataplane/step-draft';
import { presetScenario } from '../scenario/presets';
import type { Scenario } from '../scenario/schema';
import type { Note, Stage } from './types';

let articleKey: string | null = null;
const storyKey = (s: Scenario) => JSON.stringify([s.cluster, s.traffic, s.events]);

/**
 * Whether a scenario tells the article's story: the article preset's cluster,
 * traffic and events, whatever its name, seed or proxy mode. Only there do
 * the comparisons with the article's text belong; a scenario edited from it
 * (another pod, another Service) is a different story.
 *
 * @example isArticleStory(presetScenario('article')!) // true
 */
export function isArticleStory(scenario: Scenario): boolean {
  articleKey ??= storyKey(presetScenario('article')!);
  return storyKey(scenario) === articleKey;
}

/** The steps where the article's telling differs from the kernel's, by the article's step and the step's own note. */
const COMPARISONS: readonly { readonly figure: Stage['figure']; readonly n: number; readonly note: RegExp; readonly id: string }[] = [
  // Step 3: the article has the bridge's ARP fail and the packet sent to eth0, the default route.
  { figure: 'pod-to-service', n: 3, note: /^bridge-miss$/, id: 'article.bridge-miss' },
  // Step 4: the article has the DNAT happen "before the packet is accepted at eth0".
  { figure: 'pod-to-service', n: 4, note: /^prerouting\.dnat\./, id: 'article.dnat' },
  // Step 2 of the reply: the article undoes the DNAT as the packet enters the node.
  { figure: 'service-to-pod', n: 2, note: /^postrouting\.un-dnat$/, id: 'article.un-dnat' },
];

/**
 * The comparison with the article for a step of the article's own story: how
 * the article tells it and what the kernel really does, with the step's own
 * parameters. Null for a step the article tells as the kernel does it.
 *
 * @example articleNoteOf(bridgeMissDraft, { figure: 'pod-to-service', n: 3 })?.id // 'article.bridge-miss'
 */
export function articleNoteOf(draft: StepDraft, stage: Stage | null): Note | null {
  if (stage === null) return null;
  const found = COMPARISONS.find((c) => c.figure === stage.figure && c.n === stage.n && c.note.test(draft.note.id));
  return found ? { id: found.id, params: draft.note.params } : null;
}
