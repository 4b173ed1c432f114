import { useEffect } from 'react';
import { Controls } from './controls/Controls';
import { useKeyboardShortcuts } from './controls/useKeyboardShortcuts';
import { EmbedPage } from './shell/EmbedPage';
import { Header } from './shell/Header';
import { PageAlerts } from './shell/PageAlerts';
import { SidePane } from './shell/SidePane';
import { ViewArea } from './shell/ViewArea';
import { useAppStore } from './store/StoreProvider';
import { selectLang, selectView } from './store/selectors';
import { readEmbed } from './url/embed';

export interface AppProps {
  /** `?embed=1`: only the topology, the controls and the narration, for an iframe. Read from the URL by default. */
  readonly embed?: boolean;
}

/** The page: header, URL alerts, the chosen view beside the panels, and the transport bar; or, embedded, the compact page. */
export function App({ embed = readEmbed(window.location.search) }: AppProps) {
  useKeyboardShortcuts();
  const view = useAppStore(selectView);
  const lang = useAppStore(selectLang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  if (embed) return <EmbedPage />;
  return (
    <div className="app">
      <Header />
      <PageAlerts />
      <main className="workspace" data-view={view}>
        <ViewArea />
        <aside className="side">
          <SidePane />
        </aside>
      </main>
      <footer className="transport">
        <Controls />
      </footer>
    </div>
  );
}
