import { createRoot, hydrateRoot } from 'react-dom/client';
import { browserStorage, hasSavedScenario, restoreSavedScenario, saveScenarioChanges, urlNamesScenario } from './editor/persist';
import { keepOfflineCopy } from './offline/keep-offline-copy';
import { pageElement } from './page-element';
import { runShortcut } from './controls/useKeyboardShortcuts';
import { createPlayer } from './playback/player';
import { takeEarlyInput } from './prerender/first-frame-gate';
import { keepsPrerendered } from './prerender/keep-prerendered';
import { preloadOpening } from './shell/lazy-parts';
import { createAppStore } from './store/create-app-store';
import { selectPresent, selectShortcutActions } from './store/selectors';
import { loadClusterEvents, presetHasEvents } from './store/load-cluster-events';
import { loadModeEngine } from './store/load-mode-engine';
import { syncUrl } from './url/sync-url';
import { openFromUrl, readUrl } from './url/url-state';
import './theme.css';
import { withClusterEvents } from './worker/with-cluster-events';
import { withModeEngine } from './worker/with-mode-engine';
import { createWorkerSimulator } from './worker/worker-simulator';
import './styles.css';

async function start() {
  // Taken before any await: what boots is this document's page, even if the document is replaced meanwhile.
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  // The default page's first frame is in index.html (scripts/prerender-first-frame.ts): the gate
  // there runs this code only once that frame is painted (app/prerender/first-frame-gate.ts).
  const search = window.location.search;
  // A URL that names no scenario opens the custom one saved by the last visit, if any.
  const storage = browserStorage(window);
  const restore = storage !== null && !urlNamesScenario(search) && hasSavedScenario(storage);
  // What the URL opens (another view, IPVS mode's tables, a custom scenario's reader) loads
  // first, so the first frame shows it whole; a preset in the cluster view needs nothing more.
  const request = readUrl(search);
  await preloadOpening({
    view: request.view,
    mode: request.mode,
    customScenario: request.scenario !== null || restore,
    events: presetHasEvents(request.preset),
    quiz: request.quiz !== null,
    lab: request.lab === 'lb',
    node: request.lab === 'node',
  });

  // The URL decides the first frame; from then on the store is the truth and
  // the address bar follows it.
  // Big scenarios (a file, a link, an edit, another mode) are simulated in a Web Worker, started on first use;
  // IPVS and nftables mode's engines, and control-plane events', load when first needed.
  const background = withClusterEvents(withModeEngine(createWorkerSimulator()));
  const store = openFromUrl(search, (options) =>
    createAppStore({ ...options, background, loadEngine: loadModeEngine, loadEvents: loadClusterEvents }),
  );
  if (storage) {
    if (restore) restoreSavedScenario(store, storage);
    saveScenarioChanges(store, storage);
  }
  syncUrl(store, window);
  createPlayer(store);

  const page = pageElement(store);
  // The build prerendered the default page into the root (scripts/prerender-first-frame.ts):
  // hydrated when it is this URL's page, else dropped (the gate hid it before the first paint).
  if (keepsPrerendered(document, root)) {
    hydrateRoot(root, page);
    // What was clicked or pressed on the painted page before this code ran (the gate kept it)
    // acts now, in order: React hydrates the markup at once to handle a click, and renders the
    // store's state once hydrated (it hydrates the markup's own, the store's initial state).
    for (const input of takeEarlyInput(window)) {
      if (input.kind === 'click') input.button.click();
      else if (input.event.target instanceof Element && root.contains(input.event.target))
        // A key on a control (a tab, a button): pressed again there, as a keydown React hydrates at once for.
        input.event.target.dispatchEvent(new KeyboardEvent('keydown', keyInit(input.event)));
      else runShortcut(input.event, selectShortcutActions(store.getState()), selectPresent(store.getState()));
    }
  } else createRoot(root).render(page);
  keepOfflineCopy(window);
}

/** What a key press was, to press it again. */
function keyInit(e: KeyboardEvent): KeyboardEventInit {
  const { key, code, location, ctrlKey, shiftKey, altKey, metaKey, repeat } = e;
  return { key, code, location, ctrlKey, shiftKey, altKey, metaKey, repeat, bubbles: true, cancelable: true, composed: true };
}

void start();
