import { useEffect, useState } from 'react';
import { Controls } from './controls/Controls';
import { useKeyboardShortcuts } from './controls/useKeyboardShortcuts';
import { panelStrings } from './i18n/panel-strings';
import { EmbedPage } from './shell/EmbedPage';
import { Header } from './shell/Header';
import { NarrationStrip } from './shell/NarrationStrip';
import { PageAlerts } from './shell/PageAlerts';
import { PresenterControls } from './shell/PresenterControls';
import { QuizSlot } from './quiz/QuizSlot';
import { SidePane } from './shell/SidePane';
import { SimulationStatus } from './shell/SimulationStatus';
import { TitleBar } from './shell/TitleBar';
import { useDocumentTheme } from './shell/useDocumentTheme';
import { usePresenterFullscreen } from './shell/usePresenterFullscreen';
import { ViewArea } from './shell/ViewArea';
import { useAppStore } from './store/StoreProvider';
import { selectLab, selectLang, selectPresent, selectView } from './store/selectors';
import type { AppState } from './store/types';
import { readEmbed } from './url/embed';

// A kube-proxy sync's evidence is its diff, lines of 100 characters and more: it gets the wider
// column; so do the rules "Your node" (lab=node) traces.
const selectWideEvidence = (s: AppState) => s.lab === 'node' || s.trace.steps[s.cursor.step]?.kind === 'kube-proxy-sync';

export interface AppProps {
  /** `?embed=1`: only the topology, the controls and the narration, for an iframe. Read from the URL by default. */
  readonly embed?: boolean;
}

/**
 * The page, an app shell that fills the window and never scrolls as a whole:
 * the title and the settings in one row, the URL alerts, the view with the
 * narration under it beside the side column (the step's evidence, then the
 * panels, scrolled on its own), and the transport bar as the last row, so
 * nothing covers anything. In the DOM the controls come right after the title:
 * Play is an early Tab stop, before the panels and the settings.
 * Presenter mode is the same page with only the view, the narration (large)
 * and the controls; the side column on demand. Embedded, the compact page instead.
 */
export function App({ embed = readEmbed(window.location.search) }: AppProps) {
  useKeyboardShortcuts();
  const view = useAppStore(selectView);
  const lang = useAppStore(selectLang);
  const wide = useAppStore(selectWideEvidence);
  const lab = useAppStore(selectLab);
  const present = useAppStore(selectPresent);
  const [presenterPanels, setPresenterPanels] = useState(false);
  usePresenterFullscreen();
  useDocumentTheme();
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  if (embed) return <EmbedPage />;
  return (
    <div className="app app-shell" data-present={present || undefined} data-panels={present && presenterPanels ? '' : undefined}>
      <TitleBar />
      <PageAlerts />
      <section className="transport" aria-label={panelStrings[lang].controls}>
        <Controls />
        {present && <PresenterControls panels={presenterPanels} onPanels={setPresenterPanels} />}
      </section>
      <main className="workspace" data-view={view} data-evidence={wide ? 'wide' : undefined} data-lab={lab ?? undefined}>
        <div className="view-stack">
          <SimulationStatus />
          <ViewArea />
          <NarrationStrip />
          <QuizSlot />
        </div>
        <aside className="side" hidden={present && !presenterPanels}>
          <SidePane />
        </aside>
      </main>
      <Header />
    </div>
  );
}
