/**
 * Memory benchmark: builds the site, serves it with `vite preview`, opens `?preset=scale` in
 * headless Chromium and plays it on a loop at 4x (Play again each time it stops at the last
 * step) for BENCH_MEMORY_MINUTES minutes (or `-- --minutes N`; default 10), after one play
 * through as a warm-up. Every 30 s it forces
 * a full garbage collection through the DevTools protocol and samples the JS heap
 * (Runtime.getHeapUsage) with the DOM's node and listener counts. Prints the samples, the growth
 * (last - first, both after GC) and the least-squares slope per minute. Goal: under 10 MB of
 * growth over 10 minutes. Prints figures; asserts nothing.
 */
import { parseArgs } from 'node:util';
import type { CDPSession } from '@playwright/test';
import { buildSite, chromiumPath, launchChromium, startPreview } from './browser';

const SAMPLE_EVERY_MS = 30_000;
const SPEED_PRESSES = 3; // 1x -> 1.5x -> 2x -> 4x (SPEEDS in app/store/types.ts)

const { values } = parseArgs({ options: { minutes: { type: 'string' } }, allowPositionals: false });
const minutes = Number(values.minutes ?? process.env.BENCH_MEMORY_MINUTES ?? 10);
if (!(minutes > 0)) {
  console.error(
    `bench:memory: the duration must be a positive number of minutes, not "${values.minutes ?? process.env.BENCH_MEMORY_MINUTES}"`,
  );
  process.exit(2);
}
const executablePath = chromiumPath('bench:memory');
buildSite();
const site = await startPreview();
const base = site.base;
const browser = await launchChromium(executablePath, ['--enable-precise-memory-info', '--js-flags=--expose-gc']);

interface Sample {
  readonly seconds: number;
  readonly heapMB: number;
  readonly nodes: number;
  readonly listeners: number;
  readonly loops: number;
}

/** The JS heap after a full collection (twice: the first can leave what finalizers freed), and the DOM's counters. */
async function sample(cdp: CDPSession): Promise<Omit<Sample, 'seconds' | 'loops'>> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return { heapMB: usedSize / 2 ** 20, nodes: dom.nodes, listeners: dom.jsEventListeners };
}

/** Least-squares slope of heap against time, in MB per minute. */
function slopePerMinute(samples: readonly Sample[]): number {
  const n = samples.length;
  const mx = samples.reduce((a, s) => a + s.seconds / 60, 0) / n;
  const my = samples.reduce((a, s) => a + s.heapMB, 0) / n;
  const sxy = samples.reduce((a, s) => a + (s.seconds / 60 - mx) * (s.heapMB - my), 0);
  const sxx = samples.reduce((a, s) => a + (s.seconds / 60 - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;

try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await page.goto(`${base}/?preset=scale&view=cluster&step=1&lang=en`);
  await page.locator('[data-id="cluster-static"]').waitFor();
  for (let i = 0; i < SPEED_PRESSES; i++) await page.keyboard.press('+');
  const play = page.getByRole('button', { name: 'Play', exact: true });
  // Warm-up: one play through the trace, so that what the first loop builds once (code, caches) is not counted as growth.
  const before = await sample(cdp);
  await play.click();
  await play.waitFor({ timeout: 10 * 60_000 });
  const warm = await sample(cdp);
  console.log(`before playing ${before.heapMB.toFixed(2)} MB, after one play through ${warm.heapMB.toFixed(2)} MB (warm-up, not counted)`);
  console.log(
    `scale preset, cluster view, 1400x900, playing on a loop at 4x for ${minutes} min; JS heap after forced GC every ${SAMPLE_EVERY_MS / 1000} s`,
  );
  const samples: Sample[] = [];
  let loops = 0;
  const start = Date.now();
  const end = start + minutes * 60_000;
  let nextSample = start;
  while (Date.now() < end + 1_000) {
    if (Date.now() >= nextSample) {
      const seconds = (Date.now() - start) / 1000;
      const s = { seconds, loops, ...(await sample(cdp)) };
      samples.push(s);
      console.log(
        `  ${clock(seconds).padStart(5)}  heap ${s.heapMB.toFixed(2)} MB, ${s.nodes} DOM nodes, ${s.listeners} listeners, ${loops} plays`,
      );
      nextSample += SAMPLE_EVERY_MS;
      if (nextSample > end + 1_000) break;
    }
    // Stopped at the last step (or not started yet): Play starts the trace again from the first step.
    if ((await play.count()) > 0) {
      await play.click();
      loops++;
    }
    await page.waitForTimeout(250);
  }
  const first = samples[0]!;
  const last = samples.at(-1)!;
  console.log(
    `growth ${(last.heapMB - first.heapMB).toFixed(2)} MB over ${clock(last.seconds)} (first ${first.heapMB.toFixed(2)} MB, last ${last.heapMB.toFixed(2)} MB, ` +
      `min ${Math.min(...samples.map((s) => s.heapMB)).toFixed(2)}, max ${Math.max(...samples.map((s) => s.heapMB)).toFixed(2)}); ` +
      `slope ${slopePerMinute(samples).toFixed(3)} MB/min over ${samples.length} samples; DOM nodes ${first.nodes} -> ${last.nodes}, ` +
      `listeners ${first.listeners} -> ${last.listeners}; ${loops} plays (goal: < 10 MB over 10 min)`,
  );
} finally {
  await browser.close();
  site.stop();
}
