import { Controls } from '../controls/Controls';
import { stringsFor } from '../i18n';
import { panelStrings } from '../i18n/panel-strings';
import { shareStrings } from '../i18n/share-strings';
import { NarrationPanel } from '../panels/NarrationPanel';
import { useAppStore } from '../store/StoreProvider';
import { selectLang, selectSearch, selectView } from '../store/selectors';
import { PageAlerts } from './PageAlerts';
import { SimulationStatus } from './SimulationStatus';
import { ViewArea } from './ViewArea';
import '../panels/panels.css';

/**
 * `?embed=1`, for an iframe: the topology in the current view, the narration
 * and the controls, compact, with a link under the narration that opens the
 * full page at the same frame (there, not beside the controls, so that the
 * controls keep one row in a small frame). No header pickers, no other panels.
 */
export function EmbedPage() {
  const lang = useAppStore(selectLang);
  const view = useAppStore(selectView);
  const search = useAppStore(selectSearch);
  const t = shareStrings[lang];
  return (
    // No name on this wrapper: a named group around the landmarks is content outside them (axe's "region"); the h1 names the page.
    <div className="app app-embed" data-id="embed">
      <PageAlerts />
      <SimulationStatus />
      <main className="embed-main" data-view={view}>
        {/* The frame's page has a title too (for screen readers; the host page shows its own). */}
        <h1 className="sr-only">{stringsFor(lang).title}</h1>
        <ViewArea />
        <div className="pw-panels embed-narration">
          <NarrationPanel />
          <a className="open-full" href={`${window.location.pathname}${search}`} target="_blank" rel="noopener" data-id="open-full">
            {t.openFull}
            <span className="sr-only"> ({t.newTab})</span> ↗
          </a>
        </div>
      </main>
      <section className="transport embed-transport" aria-label={panelStrings[lang].controls}>
        <Controls />
      </section>
    </div>
  );
}
