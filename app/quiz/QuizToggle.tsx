import { quizToggleStrings } from '../i18n/quiz-toggle-strings';
import { quizCard } from '../shell/lazy-parts';
import { useAppStore } from '../store/StoreProvider';
import { selectLang } from '../store/selectors';
import { selectLeaveQuiz, selectOpenQuiz, selectQuizOn } from './quiz-selectors';

const preload = () => void quizCard.preload();

/** The header's switch into quiz mode (at the first question) and out of it. */
export function QuizToggle() {
  const label = quizToggleStrings[useAppStore(selectLang)];
  const on = useAppStore(selectQuizOn);
  const open = useAppStore(selectOpenQuiz);
  const leave = useAppStore(selectLeaveQuiz);
  return (
    <button
      type="button"
      className="present-toggle"
      aria-pressed={on}
      data-id="quiz-toggle"
      onClick={() => (on ? leave() : open(1))}
      onPointerEnter={preload}
      onFocus={preload}
    >
      {label}
    </button>
  );
}
