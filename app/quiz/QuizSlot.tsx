import { quizCard } from '../shell/lazy-parts';
import { useAppStore } from '../store/StoreProvider';
import { selectQuizOn } from './quiz-selectors';

/** Where quiz mode's card goes, under the narration: nothing outside quiz mode, and its code loads only in it. */
export function QuizSlot() {
  const on = useAppStore(selectQuizOn);
  return on ? <quizCard.Part /> : null;
}
