/**
 * The flags every headless Chromium of the project starts with, in the browser
 * tests (playwright.config.ts) and the browser benchmarks (tests/bench/browser.ts),
 * so that both measure the same browser: no sandbox (root in a container), no GPU,
 * nothing running in the background.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
