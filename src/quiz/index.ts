export { buildQuiz } from './build-quiz';
export { narrateQuiz, QUIZ_NARRATION } from './quiz-narration';
export type { QuizChoice, QuizKind, QuizQuestion } from './quiz-types';
