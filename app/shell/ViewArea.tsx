import { shellStrings } from '../i18n/shell-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectLang, selectView } from '../store/selectors';
import { ClusterView } from '../topology/ClusterView';
import { ClassicPane } from './ClassicPane';
import { StepListPane } from './StepListPane';

/** The chosen view: the cluster topology, the article's figure, or every step as a list. */
export function ViewArea() {
  const view = useAppStore(selectView);
  const lang = useAppStore(selectLang);
  return (
    // The list scrolls in this box: focusable, so a keyboard can scroll it (the drawings pan and zoom with their own controls).
    <section
      className="view-area"
      aria-label={shellStrings[lang].topology}
      data-view={view}
      tabIndex={view === 'list' ? 0 : undefined}
      data-scroll-keys={view === 'list' ? '' : undefined}
    >
      {view === 'cluster' ? <ClusterView /> : view === 'classic' ? <ClassicPane /> : <StepListPane />}
    </section>
  );
}
