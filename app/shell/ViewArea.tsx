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
    <section className="view-area" aria-label={shellStrings[lang].topology} data-view={view}>
      {view === 'cluster' ? <ClusterView /> : view === 'classic' ? <ClassicPane /> : <StepListPane />}
    </section>
  );
}
