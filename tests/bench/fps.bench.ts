/**
 * Frame-rate benchmark: builds the site, serves it with `vite preview`, opens
 * it in headless Chromium, plays a preset in the cluster view and prints the
 * median frames per second, the longest frame and the long tasks while it
 * plays, then the step latency (a key press to the painted frame) over 15
 * presses, each over repeated cold runs; and when the preset was on screen
 * (`large` is simulated in the Web Worker: the page shows the article first).
 * Then, on `large`, a pan: zoom out past reading and back in, then drag the view
 * across (the level of detail redraws many nodes), with the longest frame and the
 * long tasks from the first click until the drawing has settled.
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

interface PanRun {
  readonly longestFrame: number;
  readonly longTasks: number;
  /** Nodes drawn in full once it settled (as many as the view's reach holds). */
  readonly fullNodes: number;
}

/** One cold page on `preset`: three zoom-outs, three zoom-ins, a 600 x 300 px drag, then 1.5 s to settle. */
async function measurePan(preset: string): Promise<PanRun> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${base}/?preset=${preset}&view=cluster&step=1&lang=en`);
  await page.waitForFunction(`document.querySelector('.picker-scenario select')?.value === '${preset}'`, undefined, {
    timeout: 300_000,
    polling: 50,
  });
  await page.locator('[data-id="cluster-static"]').waitFor();
  await page.waitForTimeout(1000);
  await page.evaluate(`window.__pan = { times: [], longTasks: 0, recording: true };
    new PerformanceObserver((list) => { if (window.__pan.recording) window.__pan.longTasks += list.getEntries().length; }).observe({ type: 'longtask' });
    const tick = (t) => { if (!window.__pan.recording) return; window.__pan.times.push(t); requestAnimationFrame(tick); };
    requestAnimationFrame(tick);`);
  const zoom = async (name: string) => {
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name, exact: true }).click();
      await page.waitForTimeout(150);
    }
  };
  await zoom('Zoom out');
  await zoom('Zoom in');
  const view = (await page.locator('[data-id="cluster-view-frame"]').boundingBox())!;
  const x = view.x + view.width / 2;
  const y = view.y + view.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) {
    await page.mouse.move(x - 20 * i, y - 10 * i);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  await page.waitForTimeout(1500);
  const pan = (await page.evaluate(`(() => { window.__pan.recording = false; return window.__pan; })()`)) as {
    times: number[];
    longTasks: number;
  };
  const fullNodes = await page.locator('[data-id^="node:"]:not([data-detail])').count();
  await page.close();
  const deltas = pan.times.slice(1).map((t, i) => t - pan.times[i]!);
  return { longestFrame: Math.max(...deltas), longTasks: pan.longTasks, fullNodes };
}

try {
  // `npm run -s bench:fps -- scale large` measures only those; `-- pan` the pan on large alone.
  const args = process.argv.slice(2);
  const presets = args.length > 0 ? args.filter((a) => a !== 'pan') : ['article', 'scale', 'large'];
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
  if (presets.includes('large') || args.includes('pan')) {
    const pans: PanRun[] = [];
    for (let r = 0; r < RUNS; r++) pans.push(await measurePan('large'));
    const of = (k: keyof PanRun) => pans.map((x) => x[k]);
    console.log(
      `large, pan (3 zoom-outs, 3 zoom-ins, a 600 x 300 px drag, 1.5 s to settle): longest frame ${spread(of('longestFrame'), ' ms')}, ` +
        `long tasks ${spread(of('longTasks'), '', 0)}, nodes in full after ${spread(of('fullNodes'), '', 0)} (goal: no long task)`,
    );
  }
} finally {
  await browser.close();
  preview.stop();
}
