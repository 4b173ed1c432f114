import type { Note } from '../trace/types';

/**
 * What a question asks, each about one step of the trace:
 * - 'next-hop': which netfilter hook or device the packet reaches next;
 * - 'destination': what nat PREROUTING/OUTPUT's DNAT rewrites the destination to;
 * - 'ipvs-pick': which real server IPVS's scheduler picks for a new connection;
 * - 'conntrack-node': which node's conntrack entry rewrites a reply back to the Service;
 * - 'later-packet': whether a later packet of the connection is evaluated by the Service rules again;
 * - 'no-endpoints': what the client sees when the Service has no endpoint.
 */
export type QuizKind = 'next-hop' | 'destination' | 'ipvs-pick' | 'conntrack-node' | 'later-packet' | 'no-endpoints';

/** One answer offered; `label` is translated like a step's note. */
export interface QuizChoice {
  /** Stable within the question (a device id, an address, a node name, an outcome). */
  readonly key: string;
  readonly label: Note;
}

/** One multiple-choice question, asked before its step is shown. */
export interface QuizQuestion {
  /** 1-based, in the order of the trace. */
  readonly number: number;
  readonly kind: QuizKind;
  /** The step the question is about: the page stops at the step before it until the question is answered. */
  readonly step: number;
  readonly prompt: Note;
  /** Three or four choices, the right one among them, no two alike. */
  readonly choices: readonly QuizChoice[];
  /** Index of the right choice in `choices`. */
  readonly answer: number;
  /** Why the right answer is right: the step's own narration (the deciding rule, the conntrack entry), then what the quiz adds. */
  readonly explanation: readonly Note[];
}

/** A question before it is numbered and its choices shuffled. */
export interface QuestionDraft {
  readonly kind: QuizKind;
  readonly step: number;
  readonly prompt: Note;
  readonly right: QuizChoice;
  /**
   * Wrong answers in tiers, the most plausible tier first: the builder deals
   * each tier in a seeded order and keeps the first three (duplicates of the
   * right answer or of each other dropped).
   */
  readonly wrong: readonly (readonly QuizChoice[])[];
  readonly explanation: readonly Note[];
}
