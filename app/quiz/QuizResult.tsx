import { narrateQuiz, type Lang, type QuizQuestion } from '../../src/index';
import { quizStrings } from '../i18n/quiz-strings';
import type { QuizAnswer } from '../store/quiz-slice';

export interface QuizResultProps {
  readonly question: QuizQuestion;
  readonly answer: QuizAnswer;
  readonly lang: Lang;
  /** The score after this answer, said with the verdict. */
  readonly score: string;
}

/** Right or wrong (naming the right answer when wrong), and the score: one line, announced as it appears. */
export function QuizResult({ question, answer, lang, score }: QuizResultProps) {
  const t = quizStrings[lang];
  const right = question.choices[question.answer]!;
  return (
    <p className="quiz-verdict" data-right={answer.right}>
      <strong>{answer.right ? t.right : t.wrong(narrateQuiz(right.label, lang))}</strong>
      <span className="sr-only">{` ${score}`}</span>
    </p>
  );
}
