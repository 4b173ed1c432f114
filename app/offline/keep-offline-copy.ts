/// <reference types="vite-plugin-pwa/client" />

/**
 * Registers the service worker of the hosted build (vite-plugin-pwa, Workbox): it keeps
 * every file of the page, so a classroom whose network drops goes on working after the
 * first visit. A new build is picked up on the next visit: its worker installs while the
 * old copy is shown, takes over at once (autoUpdate) and the page reloads on the same URL,
 * which holds the whole view. Registered once the page has loaded and the browser is idle
 * (its code is a chunk of its own), so it never competes with the first frame; the
 * single-file build (opened from disk) has no worker, and its `virtual:pwa-register` is
 * the plugin's no-op.
 */
export function keepOfflineCopy(win: Window): void {
  if (!('serviceWorker' in win.navigator) || win.location.protocol === 'file:') return;
  const register = () => void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }));
  // Safari has no requestIdleCallback: a second after the load there stands in for it.
  const whenIdle = () =>
    typeof win.requestIdleCallback === 'function' ? win.requestIdleCallback(register, { timeout: 3000 }) : win.setTimeout(register, 1000);
  if (win.document.readyState === 'complete') whenIdle();
  else win.addEventListener('load', whenIdle, { once: true });
}
