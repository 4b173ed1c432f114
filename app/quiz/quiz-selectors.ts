import type { AppState } from '../store/types';

// Quiz mode's selectors, module-level constants like the store's own (app/store/selectors.ts).
export const selectQuizOn = (s: AppState) => s.quiz !== null;
export const selectQuiz = (s: AppState) => s.quiz;
export const selectOpenQuiz = (s: AppState) => s.openQuiz;
export const selectLeaveQuiz = (s: AppState) => s.leaveQuiz;
export const selectSetQuizSteps = (s: AppState) => s.setQuizSteps;
export const selectAnswerQuiz = (s: AppState) => s.answerQuiz;
export const selectNextQuestion = (s: AppState) => s.nextQuestion;

/** Right answers and answers given so far: "right / answered". */
export function scoreOf(answers: Readonly<Record<number, { readonly right: boolean }>>): { right: number; answered: number } {
  const all = Object.values(answers);
  return { right: all.filter((a) => a.right).length, answered: all.length };
}
