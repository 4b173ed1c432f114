import { renderToString } from 'react-dom/server';
import { STORAGE_KEY } from '../editor/persist';
import { pageElement } from '../page-element';
import { createAppStore } from '../store/create-app-store';
import { selectClusterLayout, selectClusterStrings, selectCurrentStep } from '../store/selectors';
import { restingBox, sceneOf } from '../topology/cluster/packet-scene';
import { openFromUrl, writeUrl } from '../url/url-state';
import type { FirstFrame } from './first-frame-gate';

/** The page with no query (the article preset, its first step, in English), as main.tsx opens it. */
export function openDefaultPage() {
  return openFromUrl('', (options) => createAppStore(options));
}

/** The default page's markup, for index.html's root: the browser paints it before any script has run, and main.tsx hydrates it. */
export function renderFirstFrame(): { readonly html: string; readonly frame: FirstFrame } {
  const store = openDefaultPage();
  const html = renderToString(pageElement(store, { embed: false }));
  const state = store.getState();
  const layout = selectClusterLayout(state);
  const step = selectCurrentStep(state);
  const scene = step ? sceneOf(layout, selectClusterStrings(state), step) : null;
  return {
    html,
    frame: {
      params: Object.fromEntries(new URLSearchParams(writeUrl(state))),
      storageKey: STORAGE_KEY,
      canvas: { width: layout.width, height: layout.height },
      focus: scene ? restingBox(scene) : null,
    },
  };
}
