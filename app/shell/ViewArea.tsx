import { shellStrings } from '../i18n/shell-strings';
import { useAppStore } from '../store/StoreProvider';
import { selectLang, selectView } from '../store/selectors';
import { ClusterView } from '../topology/ClusterView';
import { classicPane, stepListPane } from './lazy-parts';
// The classic view's layout of the page (the figure's column) applies while its chunk loads.
import './classic-pane.css';

/**
 * The chosen view: the cluster topology, the article's figure, or every step as a list.
 * The cluster view is in the page's own chunk; the other two load when chosen.
 */
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
      {view === 'cluster' ? <ClusterView /> : view === 'classic' ? <classicPane.Part /> : <stepListPane.Part />}
    </section>
  );
}
