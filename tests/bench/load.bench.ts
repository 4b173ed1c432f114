/**
 * First-load benchmark: builds the site and, in the same run, a blank Vite +
 * React page (one <div>, the same vite, react and plugin from node_modules) in
 * a temporary folder; serves both with `vite preview` and loads them cold in
 * headless Chromium, alternating (a new context each time, cache disabled).
 * Prints the time from navigation start to the first frame (the cluster view's
 * <svg>, the blank page's <div>: the first animation frame after it is in the DOM
 * in which it is rendered),
 * their ratio, the JavaScript requested before that frame (gzip of the files),
 * and before the page's code took over its root (what it loads to open), and the
 * layout shift after the frame, then the size of the single offline file.
 * Prints figures; asserts nothing.
 * Goals: ratio <= 1.5, <= 200 KB gzip before the first frame, no shift after it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { buildSite, chromiumPath, launchChromium, startPreview } from './browser';

const RUNS = Number(process.env.LOAD_RUNS ?? 9);
/** How long after the first frame layout shifts are counted. */
const SETTLE_MS = 2000;
const APP_URL = '/?preset=article&view=cluster&lang=en';
const APP_FRAME = 'svg[data-id="cluster-view"]';
const BLANK_FRAME = '#blank';

/** A blank Vite + React app: index.html and one component rendering a <div>, built with the project's own packages. */
function writeBlankProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'packetwalk-blank-'));
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'package.json'), '{ "name": "blank", "private": true, "type": "module" }\n');
  writeFileSync(
    join(dir, 'vite.config.js'),
    "import react from '@vitejs/plugin-react';\nimport { defineConfig } from 'vite';\nexport default defineConfig({ plugins: [react()] });\n",
  );
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html>\n<html lang="en">\n<head><meta charset="UTF-8" /><title>blank</title></head>\n<body><div id="root"></div><script type="module" src="/src/main.jsx"></script></body>\n</html>\n',
  );
  writeFileSync(
    join(dir, 'src/main.jsx'),
    "import { StrictMode } from 'react';\nimport { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(<StrictMode><div id=\"blank\">blank</div></StrictMode>);\n",
  );
  return dir;
}

/** What one cold load measured. */
interface Load {
  /** Navigation start to the animation frame after the first frame's element is in the DOM, in ms. */
  readonly frameMs: number;
  /** The JavaScript files requested before that frame (paths on the server). */
  readonly scripts: readonly string[];
  /** Navigation start to the page's code taking over its root (hydrating or rendering it), in ms. */
  readonly startedMs: number;
  /** The JavaScript files requested before then: what the page loads to open. */
  readonly openScripts: readonly string[];
  /** Cumulative layout shift from that frame to SETTLE_MS later (shifts right after input excluded). */
  readonly shiftAfter: number;
}

// Strings, not functions: tsx would wrap a function in helpers the page does not have.
const probe = (selector: string) => `
  window.__shifts = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push({ t: e.startTime, v: e.value, input: e.hadRecentInput }); })
    .observe({ type: 'layout-shift', buffered: true });
  window.__firstFrame = new Promise((resolve) => {
    // The first animation frame in which the element is rendered (a prerendered page may hold
    // its markup hidden while the browser parses it).
    const shown = () => {
      const el = document.querySelector(${JSON.stringify(selector)});
      if (el.checkVisibility()) resolve(performance.now());
      else requestAnimationFrame(shown);
    };
    const seen = () => {
      if (!document.querySelector(${JSON.stringify(selector)})) return;
      observer.disconnect();
      requestAnimationFrame(shown);
    };
    const observer = new MutationObserver(seen);
    observer.observe(document, { childList: true, subtree: true });
  });
  // The page's code taking over the root (app/prerender/keep-prerendered.ts; the blank page's
  // own root at once): what the page loaded to open is in.
  window.__pageStarted = new Promise((resolve) => {
    const started = () => {
      const root = document.getElementById('root');
      if (!root || root.hasAttribute('data-prerendered') || !root.firstChild) return;
      observer.disconnect();
      resolve(performance.now());
    };
    const observer = new MutationObserver(started);
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-prerendered'] });
  });`;
const collect = `(async () => {
  const frameMs = await window.__firstFrame;
  const startedMs = await window.__pageStarted;
  await new Promise((r) => setTimeout(r, ${SETTLE_MS}));
  const scriptsBefore = (ms) => performance.getEntriesByType('resource')
    .filter((e) => new URL(e.name).pathname.endsWith('.js') && e.startTime < ms)
    .map((e) => new URL(e.name).pathname);
  const scripts = scriptsBefore(frameMs);
  const openScripts = scriptsBefore(startedMs);
  const shiftAfter = window.__shifts.filter((s) => s.t >= frameMs && !s.input).reduce((sum, s) => sum + s.v, 0);
  return { frameMs, startedMs, scripts, openScripts, shiftAfter };
})()`;

async function coldLoad(browser: Browser, url: string, selector: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript(probe(selector));
    await page.goto(url, { waitUntil: 'commit' });
    return (await page.evaluate(collect)) as Load;
  } finally {
    await context.close();
  }
}

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: readonly number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const spread = (xs: readonly number[], digits = 0) =>
  `median ${median(xs).toFixed(digits)} (${sorted(xs)[0]!.toFixed(digits)}-${sorted(xs).at(-1)!.toFixed(digits)})`;
const gzipKb = (dist: string, paths: readonly string[]) =>
  paths.reduce((sum, p) => sum + gzipSync(readFileSync(join(dist, p))).length, 0) / 1024;

const executablePath = chromiumPath('bench:load');
const blankDir = writeBlankProject();
buildSite();
buildSite(blankDir);
// The single offline file (npm run build:single): its size is what a teacher hands out.
buildSite(process.cwd(), ['--mode', 'single']);
const single = readFileSync(join('dist-single', 'index.html'));
const site = await startPreview();
const blank = await startPreview(blankDir);
const browser = await launchChromium(executablePath);
try {
  const apps: Load[] = [];
  const blanks: Load[] = [];
  // Alternating, so a slow moment of the machine falls on both sides.
  for (let i = 0; i < RUNS; i++) {
    blanks.push(await coldLoad(browser, `${blank.base}/`, BLANK_FRAME));
    apps.push(await coldLoad(browser, `${site.base}${APP_URL}`, APP_FRAME));
  }
  const ratios = apps.map((a, i) => a.frameMs / blanks[i]!.frameMs);
  const appKb = apps.map((a) => gzipKb('dist', a.scripts));
  const appOpenKb = apps.map((a) => gzipKb('dist', a.openScripts));
  const blankKb = blanks.map((b) => gzipKb(join(blankDir, 'dist'), b.scripts));
  console.log(`first frame, ${RUNS} cold loads each, alternating (ms from navigation start, median (min-max)):`);
  console.log(
    `  ratio app/blank: ${spread(ratios, 2)} (goal <= 1.5); ratio of the medians ${(median(apps.map((a) => a.frameMs)) / median(blanks.map((b) => b.frameMs))).toFixed(2)}`,
  );
  console.log(
    `  app ${APP_URL}: ${spread(apps.map((a) => a.frameMs))} ms; blank Vite + React page: ${spread(blanks.map((b) => b.frameMs))} ms`,
  );
  console.log(
    `  JavaScript before the first frame: app ${spread(appKb, 1)} KB gzip in ${median(apps.map((a) => a.scripts.length))} files (goal <= 200); blank ${spread(blankKb, 1)} KB gzip`,
  );
  console.log(
    `  JavaScript to open (requested before the page's code took over its root, at ${spread(apps.map((a) => a.startedMs))} ms): app ${spread(appOpenKb, 1)} KB gzip in ${median(apps.map((a) => a.openScripts.length))} files; blank page's first frame ${spread(blanks.map((b) => b.startedMs))} ms`,
  );
  console.log(`    app files: ${[...new Set(apps.flatMap((a) => a.scripts))].join(', ')}`);
  console.log(
    `  layout shift in the ${SETTLE_MS / 1000} s after the first frame: app ${spread(
      apps.map((a) => a.shiftAfter),
      4,
    )} (goal 0); blank ${spread(
      blanks.map((b) => b.shiftAfter),
      4,
    )}`,
  );
  console.log(
    `single offline file (npm run build:single): ${(single.length / 1024).toFixed(0)} KB, ${(gzipSync(single).length / 1024).toFixed(0)} KB gzip`,
  );
} finally {
  await browser.close();
  site.stop();
  blank.stop();
  rmSync(blankDir, { recursive: true, force: true });
}
