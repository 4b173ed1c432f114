import { useEffect } from 'react';
import { Controls } from './controls/Controls';
import { useKeyboardShortcuts } from './controls/useKeyboardShortcuts';
import { shellStrings } from './i18n/shell-strings';
import { Alerts } from './shell/Alerts';
import { ClassicPane } from './shell/ClassicPane';
import { Header } from './shell/Header';
import { SidePane } from './shell/SidePane';
import { StepListPane } from './shell/StepListPane';
import { useAppStore } from './store/StoreProvider';
import { selectLang, selectView } from './store/selectors';
import { ClusterView } from './topology/ClusterView';

/** The page: header, URL alerts, the chosen view beside the panels, and the transport bar. */
export function App() {
  useKeyboardShortcuts();
  const view = useAppStore(selectView);
  const lang = useAppStore(selectLang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  return (
    <div className="app">
      <Header />
      <Alerts />
      <main className="workspace" data-view={view}>
        <section className="view-area" aria-label={shellStrings[lang].topology} data-view={view}>
          {view === 'cluster' ? <ClusterView /> : view === 'classic' ? <ClassicPane /> : <StepListPane />}
        </section>
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
