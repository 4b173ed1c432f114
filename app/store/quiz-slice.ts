import type { AppState, SliceCreator } from './types';

/** An answer given: which choice, and whether it was the right one (the engine's question says which is). */
export interface QuizAnswer {
  readonly choice: number;
  readonly right: boolean;
}

/**
 * Quiz mode (`quiz=N`): the question on screen and the answers given. The
 * questions themselves are the engine's (buildQuiz), built in the quiz's own
 * chunk, which hands the store only the step each one is about (`steps`).
 */
export interface QuizState {
  /** The question on screen, 1-based. */
  readonly question: number;
  /** The step each question is about, by question number - 1; null until the quiz's chunk has built them. */
  readonly steps: readonly number[] | null;
  readonly answers: Readonly<Record<number, QuizAnswer>>;
  /** The question number as the URL wrote it, checked against the questions once they are known; null once checked. */
  readonly requested: string | null;
}

export interface QuizSlice {
  quiz: QuizState | null;
  /** Enters quiz mode at a question (`requested`: the URL's raw value, checked when the questions are known). */
  openQuiz: (question: number, requested?: string) => void;
  /** The questions' steps for the trace on screen: the page goes to the step before the question's. */
  setQuizSteps: (steps: readonly number[]) => void;
  /** Records the answer to the question on screen and shows its step. */
  answerQuiz: (choice: number, right: boolean) => void;
  /** The next question, at the step before its own. */
  nextQuestion: () => void;
  /** Back to normal stepping. */
  leaveQuiz: () => void;
}

const sameSteps = (a: readonly number[] | null, b: readonly number[]) =>
  a !== null && a.length === b.length && a.every((v, i) => v === b[i]);

/** Where a question opens: on the step before its own, the packet halfway along it. */
function goBefore(s: AppState, question: number) {
  const step = s.quiz?.steps?.[question - 1];
  if (step !== undefined) s.cursor = { step: Math.max(0, step - 1), t: 0.5 };
  s.playing = false;
}

/**
 * The last step the page may show in quiz mode: the step before the
 * question on screen until it is answered, then the step before the next
 * question. Before the questions are known, the step on screen.
 */
export function quizLimit(s: AppState): number {
  const quiz = s.quiz;
  if (quiz === null) return Infinity;
  if (quiz.steps === null) return s.cursor.step;
  const own = quiz.steps[quiz.question - 1];
  if (own === undefined) return Infinity;
  if (!quiz.answers[quiz.question]) return own - 1;
  const next = quiz.steps[quiz.question];
  return next === undefined ? Infinity : next - 1;
}

/** Keeps the cursor at or before the quiz's limit: stepping, playing or seeking past it stops there. */
export function holdForQuiz(s: AppState): void {
  const limit = quizLimit(s);
  if (s.cursor.step <= limit) return;
  s.cursor = { step: Math.max(0, limit), t: s.playing ? 0.999 : 0.5 };
  s.playing = false;
}

export const createQuizSlice: SliceCreator<QuizSlice> = (set, get) => ({
  quiz: null,
  openQuiz: (question, requested) =>
    set((s) => {
      s.quiz = { question: Math.max(1, question), steps: null, answers: {}, requested: requested ?? null };
      s.playing = false;
    }),
  setQuizSteps: (steps) => {
    const quiz = get().quiz;
    if (quiz === null || sameSteps(quiz.steps, steps)) return;
    // A number past the last question (or a trace with none) is named in an alert; the nearest question opens.
    if (quiz.requested !== null && quiz.question > steps.length)
      get().addAlert({ param: 'quiz', value: quiz.requested, reason: 'out-of-range', instead: 'nearest' });
    const question = Math.min(quiz.question, Math.max(1, steps.length));
    set((s) => {
      // Another trace (another mode, seed or scenario) is another quiz: its answers start again.
      s.quiz = { question, steps: [...steps], answers: {}, requested: null };
      goBefore(s, question);
    });
  },
  answerQuiz: (choice, right) =>
    set((s) => {
      const quiz = s.quiz;
      const step = quiz?.steps?.[quiz.question - 1];
      if (!quiz || step === undefined || quiz.answers[quiz.question]) return;
      quiz.answers[quiz.question] = { choice, right };
      s.cursor = { step, t: 0.5 };
      s.playing = false;
    }),
  nextQuestion: () =>
    set((s) => {
      const quiz = s.quiz;
      if (!quiz?.steps || quiz.question >= quiz.steps.length) return;
      quiz.question += 1;
      goBefore(s, quiz.question);
    }),
  leaveQuiz: () => set((s) => void (s.quiz = null)),
});
