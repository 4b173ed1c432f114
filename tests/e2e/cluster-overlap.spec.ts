import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  clusterEventsBackend,
  PRESET_NAMES,
  presetScenario,
  registerClusterEvents,
  registerEveryModeEngine,
  simulate,
} from '../../src/index';
import { SAMPLED_PRESETS, stepsToCheck } from '../sampled-steps';
import { watchErrors } from './watch-errors';

// The expected traces are simulated here in IPVS mode too, as the CLI does.
registerEveryModeEngine();
registerClusterEvents(clusterEventsBackend);

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

/** Two labels may touch or graze by this much (anti-aliasing, rounding), no more. */
const TOLERANCE = 1;

interface Look {
  /** Pairs of labels whose boxes intersect. */
  readonly clashes: readonly string[];
  /** The packet's dot or card is not wholly inside the view. */
  readonly lost: boolean;
}

/**
 * Steps the page to `index` with the ArrowRight key (the page's own keydown
 * handler on window) unless it is there already, waits until the packet layer
 * shows that step and the view has followed it, then returns every pair of
 * visible labels of the cluster view whose boxes intersect by more than the
 * tolerance, and whether the packet or its card is out of sight. Labels are each `<text>` of the svg whose box meets the svg's
 * box, the packet's dot, and the packet card as one label (its own lines are
 * inside it); pairs are found by a sweep along x (the scale preset draws
 * thousands of labels). One evaluate per step: a trusted key press would
 * also wait for the browser to paint the whole drawing, ~0.4 s a step at scale.
 * A step that is not the next one (a sampled preset) is reached through the
 * timeline's range input, as a screen reader user would.
 */
async function stepAndLook(page: Page, index: number): Promise<Look> {
  return page.evaluate(
    async ({ index, tolerance }) => {
      const shown = () => document.querySelector(`[data-id="packet"][data-step="${index}"]`) !== null;
      const next = document.querySelector(`[data-id="packet"][data-step="${index - 1}"]`) !== null;
      // The store took the step when the URL says so (it follows the store at once); a key pressed
      // before the page's keyboard handler is attached (its effect runs after the first render) is
      // pressed again.
      const taken = () => new URLSearchParams(location.search).get('step') === String(index + 1);
      if (!shown() && next)
        for (let tries = 0; tries < 10 && !shown() && !taken(); tries++) {
          window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
          for (let i = 0; i < 30 && !shown() && !taken(); i++) await new Promise((done) => setTimeout(done, 10));
        }
      else if (!shown()) {
        const range = document.querySelector<HTMLInputElement>('input.pw-range')!;
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(range, String(index + 1));
        range.dispatchEvent(new Event('input', { bubbles: true }));
      }
      for (let i = 0; i < 200 && !shown(); i++) await new Promise((done) => setTimeout(done, 10));
      if (!shown()) throw new Error(`step ${index + 1} never showed`);
      const svg = document.querySelector('svg[data-id="cluster-view"]')!;
      // What is in sight: the svg's frame (the svg is drawn taller and clipped by it).
      const view = document.querySelector('[data-id="cluster-view-frame"]')!.getBoundingClientRect();
      const card = svg.querySelector('[data-id="packet-card"]');
      const dot = svg.querySelector('[data-id="packet-dot"]');
      const inside = (el: Element | null) => {
        const r = el?.getBoundingClientRect();
        return !!r && r.left >= view.left && r.top >= view.top && r.right <= view.right && r.bottom <= view.bottom;
      };
      const inSight = () => inside(dot) && inside(card?.querySelector('rect') ?? null);
      // The view's pan to the packet is a second React update, run as a task after the step's own: give it time.
      await new Promise((done) => setTimeout(done, 0));
      for (let i = 0; i < 25 && !inSight(); i++) await new Promise((done) => setTimeout(done, 20));
      const labels: { x0: number; x1: number; y0: number; y1: number; name: string }[] = [];
      const add = (el: Element, name: string) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return;
        if (r.right <= view.left || r.left >= view.right || r.bottom <= view.top || r.top >= view.bottom) return;
        labels.push({ x0: r.left, x1: r.right, y0: r.top, y1: r.bottom, name });
      };
      for (const text of svg.querySelectorAll('text')) {
        if (card?.contains(text)) continue;
        const owner = text.closest('[data-id]')?.getAttribute('data-id') ?? '?';
        add(text, `${owner}: ${text.textContent}`);
      }
      if (card) add(card.querySelector('rect')!, `packet card: ${card.textContent}`);
      if (dot) add(dot, 'packet dot');
      labels.sort((a, b) => a.x0 - b.x0);
      const clashes: string[] = [];
      for (let i = 0; i < labels.length; i++) {
        const a = labels[i]!;
        for (let j = i + 1; j < labels.length && labels[j]!.x0 < a.x1 - tolerance; j++) {
          const b = labels[j]!;
          const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
          const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
          if (dx > tolerance && dy > tolerance) clashes.push(`"${a.name}" × "${b.name}"`);
        }
      }
      return { clashes, lost: !inSight() };
    },
    { index, tolerance: TOLERANCE },
  );
}

const MODES = ['iptables', 'ipvs'] as const;
const RUNS = [
  ...MODES.flatMap((mode) => PRESET_NAMES.map((preset) => ({ preset, mode, lang: 'en' }))),
  // Chinese labels have other widths: the article in both modes.
  ...MODES.map((mode) => ({ preset: 'article', mode, lang: 'zh' })),
] as const;

test.describe('labels in the cluster view at 1440x900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  // `large` (SAMPLED_PRESETS) at a sample of its steps, in both modes: each node the packet visits,
  // each kind of step, each connection, the first and the last (sampled-steps.ts); every step would
  // take about a minute per mode. It opens through the simulation worker: the test waits for it.
  for (const { preset, mode, lang } of RUNS) {
    const every = SAMPLED_PRESETS.includes(preset) ? 'at a sample of steps' : 'at every step';
    test(`no two labels overlap at rest and the packet stays in sight, ${every}: ${preset}, ${mode}, ${lang}`, async ({ page }) => {
      test.setTimeout(SAMPLED_PRESETS.includes(preset) ? 300_000 : 120_000);
      const errors = watchErrors(page);
      const steps = stepsToCheck(preset, simulate(presetScenario(preset)!, { mode }));
      await page.goto(`/?preset=${preset}&mode=${mode}&view=cluster&step=1&lang=${lang}`);
      await expect(page.locator('.picker-scenario select')).toHaveValue(preset, { timeout: 120_000 });
      await page.locator('[data-id="packet"][data-step="0"]').waitFor({ state: 'attached' });
      const clashes: string[] = [];
      const lost: number[] = [];
      for (const i of steps) {
        const look = await stepAndLook(page, i);
        clashes.push(...look.clashes.map((c) => `step ${i + 1}: ${c}`));
        if (look.lost) lost.push(i + 1);
      }
      expect(clashes).toEqual([]);
      expect(lost, 'steps whose packet or card is out of sight').toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});

test.describe('the packet in sight and its card, 1440x900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('scale, step 8: the view opens on the packet crossing the network, card and all', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/?preset=scale&view=cluster&step=8&lang=en');
    const view = (await page.locator('[data-id="cluster-view-frame"]').boundingBox())!;
    for (const id of ['packet-dot', 'packet-card']) {
      const b = (await page.locator(`[data-id="${id}"]`).boundingBox())!;
      expect(b.x, id).toBeGreaterThanOrEqual(view.x);
      expect(b.y, id).toBeGreaterThanOrEqual(view.y);
      expect(b.x + b.width, id).toBeLessThanOrEqual(view.x + view.width);
      expect(b.y + b.height, id).toBeLessThanOrEqual(view.y + view.height);
    }
    await expect(page.locator('[data-id="packet-card"]')).toContainText('dst 10.244.8.11:8080');
    expect(errors).toEqual([]);
  });

  test('scale: a pan within a step stays; the next step brings the packet back into sight', async ({ page }) => {
    await page.goto('/?preset=scale&view=cluster&step=3&lang=en');
    const view = (await page.locator('[data-id="cluster-view-frame"]').boundingBox())!;
    const dot = page.locator('[data-id="packet-dot"]');
    const dotX = async () => (await dot.boundingBox())!.x - view.x;
    expect(await dotX()).toBeLessThan(view.width);
    await page.mouse.move(view.x + 20, view.y + 100);
    await page.mouse.down();
    await page.mouse.move(view.x + view.width - 20, view.y + 120, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await dotX(), 'the view does not snap back within the step').toBeGreaterThan(view.width);
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-id="packet"][data-step="3"]').waitFor({ state: 'attached' });
    await expect.poll(dotX).toBeLessThan(view.width - 48);
    expect(await dotX()).toBeGreaterThan(48);
  });

  const SHOTS = [
    ['article-dnat', 'preset=article&step=4&lang=en'],
    ['article-dnat-zh', 'preset=article&step=4&lang=zh'],
    ['article-reverse-nat', 'preset=article&step=28&lang=en'],
    ['hairpin-snat', 'preset=hairpin&step=7&lang=en'],
    ['ipvs-dnat', 'preset=article&mode=ipvs&step=7&lang=en'],
    ['scale-step8', 'preset=scale&step=8&lang=en'],
  ] as const;
  for (const [name, query] of SHOTS) {
    test(`screenshot of the packet card: ${name}`, async ({ page }) => {
      await page.goto(`/?view=cluster&${query}`);
      await expect(page.locator('[data-id="packet-card"]')).toBeVisible();
      await page.locator('[data-id="cluster-view-frame"]').screenshot({ path: join(screenshots, `cluster-card-${name}.png`) });
    });
  }
});
