import { stringsFor } from '../i18n';
import { StepList } from '../StepList';
import { useAppStore } from '../store/StoreProvider';
import { selectLang, selectTrace } from '../store/selectors';

/** Every step of the trace as a list: the whole walk at a glance, and a text alternative to the drawings. */
export function StepListPane() {
  const trace = useAppStore(selectTrace);
  const lang = useAppStore(selectLang);
  return (
    <div className="step-list-pane">
      <StepList trace={trace} lang={lang} strings={stringsFor(lang)} />
    </div>
  );
}
