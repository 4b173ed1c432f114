/**
 * Frame-rate benchmark: builds the site, serves it with `vite preview`, opens
 * it in headless Chromium, plays a preset in the cluster view and prints the
 * median frames per second, the longest frame and the long tasks while it
 * plays, then the step latency (a key press to the painted frame) over 15
 * presses, each over repeated cold runs; and when the preset was on screen
 * (`large` is simulated in the Web Worker: the page shows the article first).
 * Prints figures; asserts nothing.
 * Goals on this 2-core machine: >= 58 fps and no long task while playing,
 * step latency <= 33 ms, on every preset.
 */
import { buildSite, chromiumPath, launchChromium, startPreview } from './browser';

const SECONDS = 5;
const executablePath = chromiumPath('bench:fps');
buildSite();
const preview = await startPreview();
const base = preview.base;
const browser = await launchChromium(executablePath);
const RUNS = 3;
const PRESSES = 15;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const spread = (xs: number[], unit: string, digits = 1) =>
  `${median(xs).toFixed(digits)}${unit} (${sorted(xs)[0]!.toFixed(digits)}-${sorted(xs).at(-1)!.toFixed(digits)})`;

interface Run {
  /** Milliseconds from navigation to the preset in the picker (for `large`: its trace back from the worker). */
  readonly shown: number;
  readonly fps: number;
  readonly longestFrame: number;
  readonly longTasks: number;
  readonly stepMedian: number;
  readonly stepMax: number;
}

/** One cold page: plays for SECONDS, then pauses and steps PRESSES times with the → key. */
async function measure(preset: string): Promise<Run> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${base}/?preset=${preset}&view=cluster&step=1&lang=en`);
  const shown = (await (
    await page.waitForFunction(`document.querySelector('.picker-scenario select')?.value === '${preset}' && performance.now()`, undefined, {
      timeout: 300_000,
      polling: 50,
    })
  ).jsonValue()) as number;
  await page.locator('[data-id="cluster-static"]').waitFor();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  // Strings, not functions: tsx would wrap a function in helpers the page does not have.
  const played = (await page.evaluate(`new Promise((resolve) => {
    const longTasks = [];
    new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask' });
    const times = [];
    const end = performance.now() + ${SECONDS * 1000};
    const tick = (t) => { times.push(t); if (t < end) requestAnimationFrame(tick); else resolve({ times, longTasks: longTasks.length }); };
    requestAnimationFrame(tick);
  })`)) as { times: number[]; longTasks: number };
  const deltas = sorted(played.times.slice(1).map((t, i) => t - played.times[i]!));
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  // Step latency: from the keydown event to the frame after the next one (the change is painted).
  await page.evaluate(`window.__stepLatency = [];
    addEventListener('keydown', (e) => {
      const t0 = e.timeStamp;
      requestAnimationFrame(() => requestAnimationFrame(() => window.__stepLatency.push(performance.now() - t0)));
    }, { capture: true });
    document.activeElement?.blur();`);
  for (let i = 0; i < PRESSES; i++) {
    await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    await page.waitForFunction(`window.__stepLatency.length === ${i + 1}`);
    await page.waitForTimeout(100);
  }
  const latency = sorted((await page.evaluate('window.__stepLatency')) as number[]);
  await page.close();
  return {
    shown,
    fps: 1000 / median(deltas),
    longestFrame: deltas.at(-1)!,
    longTasks: played.longTasks,
    stepMedian: median(latency),
    stepMax: latency.at(-1)!,
  };
}

try {
  // `npm run -s bench:fps -- scale large` measures only those.
  const presets = process.argv.length > 2 ? process.argv.slice(2) : ['article', 'scale', 'large'];
  console.log(
    `${RUNS} cold runs per preset at 1400x900: ${SECONDS} s of playback, then ${PRESSES} presses of → / ← while paused; median (min-max) over runs`,
  );
  for (const preset of presets) {
    const runs: Run[] = [];
    for (let r = 0; r < RUNS; r++) runs.push(await measure(preset));
    const of = (k: keyof Run) => runs.map((x) => x[k]);
    console.log(
      `${preset}: on screen after ${spread(of('shown'), ' ms', 0)}, ${spread(of('fps'), ' fps')}, longest frame ${spread(of('longestFrame'), ' ms')}, long tasks ${spread(of('longTasks'), '', 0)}, ` +
        `step latency median ${spread(of('stepMedian'), ' ms')}, max ${spread(of('stepMax'), ' ms')}`,
    );
  }
} finally {
  await browser.close();
  preview.stop();
}
