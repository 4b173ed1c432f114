import { isPacketStep } from '../trace/is-packet-step';
import { topologyAt } from '../trace/topology';
import type { PacketStep, Trace } from '../trace/types';
import { conntrackNodeQuestion } from './conntrack-node-question';
import { destinationQuestion } from './destination-question';
import { laterPacketQuestion } from './later-packet-question';
import { nextHopQuestion } from './next-hop-question';
import type { QuestionDraft, QuizChoice, QuizQuestion } from './quiz-types';
import { refusalQuestion } from './refusal-question';
import { questionSeed, shuffle } from './shuffle';

/** Steps whose move to another hook or device the quiz asks about: the first of each kind, on the first connection's first packet. */
const NEXT_HOP_KINDS = ['bridge-miss', 'route', 'wire'] as const;
/** A connection's first packets are asked about (its DNAT, its refusal) on this many connections at most. */
const MAX_CONNECTIONS = 3;

/** The drafts of one connection: what its packets did that a learner can predict. */
function connectionDrafts(trace: Trace, steps: readonly PacketStep[], connection: number): QuestionDraft[] {
  const own = steps.filter((s) => s.connection === connection);
  const first = own.filter((s) => s.packet === 0 && s.direction === 'original');
  const drafts: (QuestionDraft | null)[] = [];
  if (connection === 0)
    for (const kind of NEXT_HOP_KINDS) {
      const step = first.find((s) => s.kind === kind);
      if (step) drafts.push(nextHopQuestion(step, topologyAt(trace, step.index)));
    }
  const dnat = first.find((s) => s.kind === 'dnat');
  if (dnat) drafts.push(destinationQuestion(dnat, topologyAt(trace, dnat.index), trace.scheduler));
  const reject = first.find((s) => s.kind === 'reject');
  if (reject) drafts.push(refusalQuestion(reject, own));
  if (connection === 0) {
    const unDnat = own.find((s) => s.kind === 'reverse-nat' && s.direction === 'reply' && s.ipvsChange === null);
    if (unDnat) drafts.push(conntrackNodeQuestion(unDnat, trace, topologyAt(trace, unDnat.index)));
    const later = own.filter((s) => s.kind === 'conntrack-hit' && s.packet > 0);
    const hit = later.find((s) => s.direction === 'original') ?? later[0];
    if (hit) drafts.push(laterPacketQuestion(hit));
  }
  return drafts.filter((d): d is QuestionDraft => d !== null);
}

/** Up to three wrong answers, tier by tier in a seeded order, none alike and none the right one. */
function dealWrong(draft: QuestionDraft, seed: number): QuizChoice[] {
  const seen = new Set([draft.right.key]);
  const out: QuizChoice[] = [];
  draft.wrong.forEach((tier, i) => {
    for (const choice of shuffle(tier, seed + i))
      if (out.length < 3 && !seen.has(choice.key)) {
        seen.add(choice.key);
        out.push(choice);
      }
  });
  return out;
}

/**
 * The questions a trace asks in quiz mode, in the order of the steps they
 * are about, each before its step is shown: which hook or device comes next,
 * what a DNAT (or IPVS's scheduler) makes the destination, which node's
 * conntrack rewrites the reply back, whether a later packet meets the Service
 * rules again, what a client sees when the Service has no endpoint. Only what
 * the trace contains is asked; every right answer is read from its step, and
 * the wrong ones come from the same scenario. Pure and deterministic: the
 * trace's seed deals the choices, so a link replays the same quiz.
 *
 * @example
 * const quiz = buildQuiz(simulate(presetScenario('article')!));
 * quiz[0]!.choices[quiz[0]!.answer]!.key; // 'vm1/PREROUTING'
 */
export function buildQuiz(trace: Trace): QuizQuestion[] {
  const steps = trace.steps.filter(isPacketStep);
  const connections = Math.min(MAX_CONNECTIONS, trace.connections.length);
  const drafts = Array.from({ length: connections }, (_, c) => connectionDrafts(trace, steps, c)).flat();
  // A question stops the page at the step before its own: step 0 has none, and one step asks one question.
  const byStep = new Map(drafts.filter((d) => d.step > 0).map((d) => [d.step, d] as const));
  return [...byStep.values()]
    .sort((a, b) => a.step - b.step)
    .flatMap((draft) => {
      const seed = questionSeed(trace.seed, draft.step);
      const wrong = dealWrong(draft, seed);
      if (wrong.length < 2) return [];
      const choices = shuffle([draft.right, ...wrong], seed ^ 0x9e3779b9);
      const { kind, step, prompt, explanation } = draft;
      return [{ kind, step, prompt, choices, answer: choices.indexOf(draft.right), explanation }];
    })
    .map((q, i) => ({ number: i + 1, ...q }));
}
