import type { Lang } from '../i18n';
import { stringsFor } from '../i18n';
import { StepList } from '../StepList';
import { quizLimit } from '../store/quiz-slice';
import { useAppStore } from '../store/StoreProvider';
import { selectLang, selectTrace } from '../store/selectors';

const HIDDEN: Readonly<Record<Lang, (n: number) => string>> = {
  en: (n) => `Quiz mode: the next ${n === 1 ? 'step is' : `${n} steps are`} hidden until you answer the question.`,
  zh: (n) => `测验模式：回答问题之前，后面的 ${n} 步不显示。`,
};

/**
 * Every step of the trace as a list: the whole walk at a glance, and a text alternative to the
 * drawings. In quiz mode it lists only the steps the quiz has shown, so it gives no answer away.
 */
export function StepListPane() {
  const trace = useAppStore(selectTrace);
  const lang = useAppStore(selectLang);
  const limit = useAppStore(quizLimit);
  const shown = Math.min(trace.steps.length, limit + 1);
  return (
    <div className="step-list-pane">
      <StepList trace={trace} lang={lang} strings={stringsFor(lang)} count={shown} />
      {shown < trace.steps.length && (
        <p className="step-list-hidden" data-id="quiz-hidden-steps">
          {HIDDEN[lang](trace.steps.length - shown)}
        </p>
      )}
    </div>
  );
}
