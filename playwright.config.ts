import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS } from './tests/chromium-flags';

// Playwright never downloads a browser here: it drives the system Chromium that
// scripts/test.mjs found (or installed) and exported as CHROMIUM_PATH.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// 4173 unless scripts/test.mjs found it busy (another preview running) and chose a free port.
const port = Number(process.env.PACKETWALK_PREVIEW_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  // scripts/test.mjs keeps its reports in test-results/; Playwright empties its own folder.
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    viewport: { width: 1100, height: 900 },
    // The hosted build registers a service worker (it keeps the page offline). A page it
    // controls answers from its cache, out of reach of page.route: only the offline spec,
    // which tests that worker, lets it run.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath,
      args: [...CHROMIUM_FLAGS],
    },
  },
  webServer: {
    // The built site (vite build runs first), served as it would be deployed.
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
