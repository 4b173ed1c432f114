import { StrictMode } from 'react';
import { App, type AppProps } from './App';
import type { AppStore } from './store/create-app-store';
import { StoreProvider } from './store/StoreProvider';

/** The whole page over a store: one tree for main.tsx and the build's prerender, so hydration finds what was rendered. */
export function pageElement(store: AppStore, props: AppProps = {}) {
  return (
    <StrictMode>
      <StoreProvider store={store}>
        <App {...props} />
      </StoreProvider>
    </StrictMode>
  );
}
