import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { browserStorage, restoreSavedScenario, saveScenarioChanges, urlNamesScenario } from './editor/persist';
import { createPlayer } from './playback/player';
import { createAppStore } from './store/create-app-store';
import { StoreProvider } from './store/StoreProvider';
import { syncUrl } from './url/sync-url';
import { openFromUrl } from './url/url-state';
import './theme.css';
import { createWorkerSimulator } from './worker/worker-simulator';
import './styles.css';

// The URL decides the first frame; from then on the store is the truth and
// the address bar follows it.
// Big scenarios (a file, a link, an edit, another mode) are simulated in a Web Worker, started on first use.
const background = createWorkerSimulator();
const store = openFromUrl(window.location.search, (options) => createAppStore({ ...options, background }));
// A URL that names no scenario opens the custom one saved by the last visit, if any.
const storage = browserStorage(window);
if (storage) {
  if (!urlNamesScenario(window.location.search)) restoreSavedScenario(store, storage);
  saveScenarioChanges(store, storage);
}
syncUrl(store, window);
createPlayer(store);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
