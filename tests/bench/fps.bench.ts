/**
 * Frame-rate benchmark: builds the site, serves it with `vite preview`, opens
 * it in headless Chromium, plays a preset in the cluster view and prints the
 * median frames per second and the longest frame. Prints figures; asserts
 * nothing. Goals on this 2-core machine: article >= 58 fps, scale >= 55 fps.
 */
import { buildSite, chromiumPath, launchChromium, startPreview } from './browser';

const SECONDS = 5;
const executablePath = chromiumPath('bench:fps');
buildSite();
const preview = await startPreview();
const base = preview.base;
const browser = await launchChromium(executablePath);
try {
  for (const preset of ['article', 'scale']) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${base}/?preset=${preset}&view=cluster&step=1&lang=en`);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    // A string, not a function: tsx would wrap a function in helpers the page does not have.
    const frames = (await page.evaluate(`new Promise((resolve) => {
      const times = [];
      const end = performance.now() + ${SECONDS * 1000};
      const tick = (t) => { times.push(t); if (t < end) requestAnimationFrame(tick); else resolve(times); };
      requestAnimationFrame(tick);
    })`)) as number[];
    const deltas = frames
      .slice(1)
      .map((t, i) => t - frames[i]!)
      .sort((a, b) => a - b);
    const median = deltas[Math.floor(deltas.length / 2)]!;
    const stepShown = await page.getByRole('slider', { name: 'Timeline' }).getAttribute('aria-valuetext');
    console.log(
      `${preset}: median ${(1000 / median).toFixed(1)} fps, longest frame ${deltas.at(-1)!.toFixed(1)} ms, ${deltas.length} frames in ${SECONDS} s (now at ${stepShown})`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  preview.stop();
}
