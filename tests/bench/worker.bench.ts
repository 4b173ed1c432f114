/**
 * Simulation-worker benchmark: builds the site, serves it with `vite preview`,
 * and in headless Chromium uploads the 10,000-Service scenario (the one
 * `npm run bench` simulates in Node) several times per mode. Prints, with the
 * spread over the runs: the time `simulate` took in the worker, upload to
 * result, the longest main-thread task while it simulated (goal: none over
 * 50 ms), and the longest task when the result lands (the copy of the trace
 * and the page drawing it). Prints figures; asserts nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PRESETS, type ScenarioInput } from '../../src/index';
import { buildSite, chromiumPath, launchChromium, startPreview } from './browser';

const RUNS = 5;
const SERVICES = 10_000;

const executablePath = chromiumPath('bench:worker');

/** The engine benchmark's scenario: the article's cluster, 10,000 Services selecting pod3 and pod4, one connection to the last. */
function tenThousandServices(mode: 'iptables' | 'ipvs'): ScenarioInput {
  const article = PRESETS.article!;
  const services = Array.from({ length: SERVICES }, (_, i) => ({
    name: `svc${i + 1}`,
    selector: { app: 'web' },
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
  }));
  return {
    ...article,
    name: `bench-${mode}`,
    mode,
    cluster: { ...article.cluster, services },
    traffic: [{ from: 'pod1', to: `svc${SERVICES}`, port: 80 }],
  };
}

/** One run's figures, in ms. */
interface Run {
  readonly workerMs: number;
  readonly toResult: number;
  readonly longestWhileSimulating: number;
  readonly longestLanding: number;
}

/** Uploads the scenario on a fresh page and reads the User Timing marks the page sets and the long tasks it had. */
async function runOnce(page: Page, base: string, file: string): Promise<Run> {
  await page.goto(`${base}/?preset=article&view=cluster&step=1&lang=en`);
  await page.locator('svg').first().waitFor();
  // Strings, not functions: tsx would wrap a function in helpers the page does not have.
  await page.evaluate(`(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask' });
  })()`);
  await page.getByRole('button', { name: 'Share' }).click();
  const t0 = (await page.evaluate('performance.now()')) as number;
  // A file on disk: a buffer would be decoded by Playwright's own script in the page, a long task that is not the page's.
  await page.locator('input[data-id="share-upload"]').setInputFiles(file);
  await page.getByRole('status').filter({ hasText: 'Opened' }).waitFor({ timeout: 120_000 });
  await page.waitForTimeout(1000);
  const { result, workerMs, tasks } = (await page.evaluate(`(() => {
    const mark = performance.getEntriesByName('packetwalk:simulation-result').at(-1);
    return { result: mark.startTime, workerMs: mark.detail.workerMs, tasks: window.__longTasks };
  })()`)) as { result: number; workerMs: number; tasks: [number, number][] };
  // The task that holds the result mark copies the trace in and draws it: it and what follows are the landing.
  const during = tasks.filter(([start, d]) => start >= t0 && start + d <= result);
  const landing = tasks.filter(([start, d]) => start + d > result);
  const longest = (xs: [number, number][]) => Math.max(0, ...xs.map(([, d]) => d));
  return { workerMs, toResult: result - t0, longestWhileSimulating: longest(during), longestLanding: longest(landing) };
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
/** Long tasks are the ones over 50 ms: 0 means the main thread never had one. */
const longTasks = (xs: number[]) => (xs.every((x) => x === 0) ? 'none over 50 ms in any run' : spread(xs));
const spread = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (${sorted(xs)[0]!.toFixed(0)}-${sorted(xs).at(-1)!.toFixed(0)})`;

buildSite();
const site = await startPreview();
const base = site.base;
const browser = await launchChromium(executablePath);
try {
  for (const mode of ['iptables', 'ipvs'] as const) {
    const file = join(mkdtempSync(join(tmpdir(), 'packetwalk-bench-')), `bench-${mode}.json`);
    writeFileSync(file, JSON.stringify(tenThousandServices(mode)));
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      runs.push(await runOnce(page, base, file));
      await page.close();
    }
    const of = (key: keyof Run) => runs.map((r) => r[key]);
    console.log(
      `worker, ${SERVICES} Services, ${mode} mode, ${RUNS} runs: simulate in the worker ${spread(of('workerMs'))} (goal < 2 s); ` +
        `upload to result ${spread(of('toResult'))}; longest main-thread task while simulating: ${longTasks(of('longestWhileSimulating'))} (goal: none over 50 ms); ` +
        `longest task as the result lands and is drawn ${longTasks(of('longestLanding'))}`,
    );
  }
} finally {
  await browser.close();
  site.stop();
}
