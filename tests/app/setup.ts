// Component tests run in jsdom; each test renders its own tree. Vitest's globals are
// off, so Testing Library cannot register its own cleanup: unmount after every test.
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { preloadAllParts } from '../../app/shell/lazy-parts';
import { clusterEventsBackend, registerClusterEvents, registerEveryModeEngine } from '../../src/index';

afterEach(() => cleanup());
// The test files of a worker share one jsdom (vitest.config.ts): each file starts on a fresh
// page, as it would in a window of its own: no query, nothing stored, no attribute the page set.
beforeAll(() => {
  window.history.replaceState(null, '', '/');
  window.localStorage.clear();
  window.sessionStorage.clear();
  for (const { name } of [...document.documentElement.attributes]) document.documentElement.removeAttribute(name);
  document.head.replaceChildren();
  document.body.replaceChildren();
  document.title = '';
});
// The page's chunks loaded on demand (the editor, the share panel, the other views, the scenario
// reader) are in, as they are once opened: tests render them synchronously. Loading itself (the
// placeholder, a failed chunk, the page before the reader loads) is tested in lazy-part.test.tsx
// and scenario-io.test.ts.
beforeAll(() => preloadAllParts());
// IPVS and nftables mode's engines load with their panels, control-plane events' with a scenario
// that has some; tests that simulate those while their file loads (before the parts are in) find
// them registered already.
registerEveryModeEngine();
registerClusterEvents(clusterEventsBackend);
