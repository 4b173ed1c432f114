import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { buildQuiz, narrateQuiz } from '../../src/index';
import { quizStrings } from '../i18n/quiz-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectLang, selectStepIndex, selectTrace } from '../store/selectors';
import { QuizChoices } from './QuizChoices';
import { QuizResult } from './QuizResult';
import { scoreOf, selectAnswerQuiz, selectLeaveQuiz, selectNextQuestion, selectQuiz, selectSetQuizSteps } from './quiz-selectors';
import './quiz.css';

/**
 * Quiz mode's card, under the narration: the engine's question about the next
 * step (buildQuiz), its choices, and once answered whether it was right, why,
 * and the step itself (the store moves on to it); the score; Next question and
 * Leave quiz. The page stops stepping at the step before each question until it
 * is answered (the store's quiz slice). Right or wrong is announced.
 */
export function QuizCard() {
  const trace = useAppStore(selectTrace);
  const lang = useAppStore(selectLang);
  const quiz = useAppStore(selectQuiz);
  const stepIndex = useAppStore(selectStepIndex);
  const setSteps = useAppStore(selectSetQuizSteps);
  const answerQuiz = useAppStore(selectAnswerQuiz);
  const nextQuestion = useAppStore(selectNextQuestion);
  const leave = useAppStore(selectLeaveQuiz);
  const questions = useMemo(() => buildQuiz(trace), [trace]);
  // Again whenever the store has none (the quiz reopened, as by a link), not only for a new trace.
  const stepsMissing = quiz !== null && quiz.steps === null;
  useEffect(() => setSteps(questions.map((q) => q.step)), [questions, setSteps, stepsMissing]);
  // Focus follows the person's own moves only: to Next question after an answer, to the new choices after Next.
  const [moved, setMoved] = useState<{ readonly to: 'answered' | 'next' | null; readonly n: number }>({ to: null, n: 0 });
  const move = (to: 'answered' | 'next') => setMoved((m) => ({ to, n: m.n + 1 }));
  const nextButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (moved.to === 'answered') nextButton.current?.focus();
  }, [moved]);
  const promptId = useId();
  const t = quizStrings[lang];
  if (quiz === null) return null;
  const question = questions[quiz.question - 1];
  const answer = quiz.answers[quiz.question];
  const score = scoreOf(quiz.answers);
  const last = quiz.question >= questions.length;
  const textLang = lang === 'zh' ? 'zh-CN' : 'en';
  // On the question's own step the narration above already tells what the step did: the card
  // says so rather than repeat it, and keeps its room (and the view's) for what the quiz adds.
  const own = question && stepIndex === question.step ? trace.steps[question.step]?.note : undefined;
  const explanation = question ? question.explanation.filter((note) => note !== own) : [];
  return (
    <section className="quiz-card" aria-labelledby={`${promptId}-title`} data-id="quiz">
      <div className="quiz-head">
        <h2 className="quiz-title" id={`${promptId}-title`}>
          {t.quiz}
          {question && <span className="quiz-count">{` · ${t.questionOf(quiz.question, questions.length)}`}</span>}
        </h2>
        <span className="quiz-score" data-id="quiz-score">
          {t.score(score.right, score.answered)}
        </span>
        {answer && !last && (
          <button
            ref={nextButton}
            type="button"
            className="quiz-next"
            data-id="quiz-next"
            onClick={() => {
              nextQuestion();
              move('next');
            }}
          >
            {t.next}
          </button>
        )}
        <button type="button" className="quiz-leave" data-id="quiz-leave" onClick={leave}>
          {t.leave}
        </button>
      </div>
      {question ? (
        <>
          <p className="quiz-prompt" id={promptId} lang={textLang} data-id="quiz-prompt">
            {narrateQuiz(question.prompt, lang)}
          </p>
          <QuizChoices
            question={question}
            answer={answer}
            lang={lang}
            labelledBy={promptId}
            autoFocus={moved.to === 'next'}
            marks={t.marks}
            onAnswer={(choice) => {
              answerQuiz(choice, choice === question.answer);
              move('answered');
            }}
          />
          {!answer && <p className="quiz-keys">{t.keys(question.choices.length)}</p>}
        </>
      ) : (
        <p>{t.none}</p>
      )}
      {/* Present before any answer, so the verdict and the score are announced when they appear in it. */}
      <div className="quiz-live" role="status" aria-live="assertive" aria-atomic="true" data-id="quiz-verdict">
        {question && answer && <QuizResult question={question} answer={answer} lang={lang} score={t.score(score.right, score.answered)} />}
      </div>
      {question && answer && (
        <div className="quiz-explanation" data-id="quiz-explanation" lang={textLang}>
          <h3>{t.explanation}</h3>
          {explanation.length < question.explanation.length && <p className="quiz-see-narration">{t.seeNarration}</p>}
          {explanation.map((note, i) => (
            <p key={i}>{narrateQuiz(note, lang)}</p>
          ))}
          {last && <p className="quiz-done">{t.done(score.right, score.answered)}</p>}
        </div>
      )}
    </section>
  );
}
