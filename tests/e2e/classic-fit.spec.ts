import { expect, test, type Frame, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageStarted } from './page-started';
import { watchErrors } from './watch-errors';
import { visibleRect, WINDOW_SIZES } from './visible';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

const FIGURE = { width: 1012, height: 702 };
/** One picture of each article figure, and the counter the control bar shows for it. */
const PICTURES = [
  { figure: 'pod-to-service', n: 3, counter: { en: 'Pod to Service 3 / 5', zh: 'Pod 到 Service 3 / 5' } },
  { figure: 'service-to-pod', n: 2, counter: { en: 'Service to Pod 2 / 4', zh: 'Service 到 Pod 2 / 4' } },
] as const;

interface Placement {
  readonly rect: { x: number; y: number; width: number; height: number };
  /** The part of the element that the window and every clipping ancestor leave visible. */
  readonly visible: { width: number; height: number };
  /** What `elementFromPoint` finds at the centre and 6 px inside each corner: true when it is the element or inside it. */
  readonly hits: readonly boolean[];
  readonly scrollWidth: number;
  readonly scrollHeight: number;
  readonly innerWidth: number;
  readonly innerHeight: number;
}

/** Where an element is drawn and whether anything covers or clips it, measured in its own document. */
async function placementOf(target: Page | Frame, selector: string): Promise<Placement> {
  const element = target.locator(selector);
  const clip = await element.evaluate(visibleRect);
  return element.evaluate((el, clip) => {
    const r = el.getBoundingClientRect();
    const { left, top, right, bottom } = clip;
    const inset = 6;
    const points = [
      [r.left + r.width / 2, r.top + r.height / 2],
      [r.left + inset, r.top + inset],
      [r.right - inset, r.top + inset],
      [r.left + inset, r.bottom - inset],
      [r.right - inset, r.bottom - inset],
    ] as const;
    const hits = points.map(([x, y]) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (hit === el || el.contains(hit));
    });
    return {
      rect: { x: r.x, y: r.y, width: r.width, height: r.height },
      visible: { width: right - left, height: bottom - top },
      hits,
      scrollWidth: document.documentElement.scrollWidth,
      scrollHeight: document.documentElement.scrollHeight,
      innerWidth,
      innerHeight,
    };
  }, clip);
}

/** The document inside the page's one iframe (the same Frame object before and after it loads). */
async function iframeOf(page: Page): Promise<Frame> {
  const frame = await (await page.locator('iframe').elementHandle())?.contentFrame();
  if (!frame) throw new Error('the page has no iframe');
  return frame;
}

/** The whole element on screen: inside the window, clipped by nothing, covered by nothing. */
function expectWhollyVisible(p: Placement, what: string) {
  expect(p.rect.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(p.rect.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(p.rect.x + p.rect.width, `${what}: right edge`).toBeLessThanOrEqual(p.innerWidth);
  expect(p.rect.y + p.rect.height, `${what}: bottom edge`).toBeLessThanOrEqual(p.innerHeight);
  // A clipping box is measured by clientWidth and clientHeight, whole pixels: within 1 px is all of it.
  expect(p.rect.width - p.visible.width, `${what}: width clipped`).toBeLessThan(1);
  expect(p.rect.height - p.visible.height, `${what}: height clipped`).toBeLessThan(1);
  expect(p.hits, `${what}: elementFromPoint at the centre and the four corners`).toEqual([true, true, true, true, true]);
}

/** Scaled uniformly, never up: the figure's aspect ratio within half a pixel. */
function expectFigureShape(p: Placement) {
  expect(p.rect.width).toBeLessThanOrEqual(FIGURE.width);
  expect(p.rect.height).toBeCloseTo((p.rect.width * FIGURE.height) / FIGURE.width, 0);
}

const SVG = 'svg[data-id="classic-view"]';

for (const [width, height] of WINDOW_SIZES) {
  test.describe(`at ${width}x${height}`, () => {
    test.use({ viewport: { width, height }, deviceScaleFactor: 1 });

    for (const { figure, n, counter } of PICTURES) {
      test(`the ${figure} figure is whole on screen, under nothing, 1:1 when it fits, with one step counter`, async ({ page }) => {
        const errors = watchErrors(page);
        await page.goto(`/?view=classic&figure=${figure}&step=${n}&lang=en`);
        await expect(page.locator(SVG)).toHaveAttribute('aria-label', new RegExp(`, step ${n}: `));
        await page.evaluate(() => document.fonts.ready);
        const p = await placementOf(page, SVG);
        expectWhollyVisible(p, `${figure} at ${width}x${height}`);
        expectFigureShape(p);
        expect(p.scrollWidth, 'the page never scrolls sideways').toBeLessThanOrEqual(width);
        // 1:1 wherever there is room for it: from 1920x1080 up the header and the control bar leave 702 px.
        if (width >= 1920) expect([p.rect.width, p.rect.height]).toEqual([FIGURE.width, FIGURE.height]);

        // One counter in sight: the article's numbering in the control bar; the trace's step is for screen readers only.
        await expect(page.locator('[data-id="counter"]')).toHaveText(counter.en);
        const traceCounter = page.locator('[data-id="step-position"] > .sr-only');
        await expect(traceCounter).toHaveText(/^Step \d+ of \d+ · $/);
        expect((await traceCounter.boundingBox())!.width).toBeLessThanOrEqual(1);
        expect((await page.locator('[data-id="article-stage"]').boundingBox())!.width).toBeLessThanOrEqual(1);

        await page.screenshot({ path: join(screenshots, `classic-fit-${figure}-${width}x${height}-en.png`) });
        expect(errors).toEqual([]);
      });
    }

    test('the figure fits in Chinese too', async ({ page }) => {
      const errors = watchErrors(page);
      const { figure, n, counter } = PICTURES[1];
      await page.goto(`/?view=classic&figure=${figure}&step=${n}&lang=zh`);
      await expect(page.locator('[data-id="counter"]')).toHaveText(counter.zh);
      await page.evaluate(() => document.fonts.ready);
      const p = await placementOf(page, SVG);
      expectWhollyVisible(p, `${figure} in Chinese at ${width}x${height}`);
      expect(p.scrollWidth).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(screenshots, `classic-fit-${figure}-${width}x${height}-zh.png`) });
      expect(errors).toEqual([]);
    });
  });
}

test.describe('embedded in an iframe', () => {
  test.use({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });

  for (const [width, height] of [
    [800, 500],
    [640, 480],
  ] as const) {
    for (const { figure, n, counter } of PICTURES) {
      test(`${width}x${height}: the whole ${figure} figure, the narration and the controls`, async ({ page }) => {
        const errors = watchErrors(page);
        await page.goto('/?preset=article');
        await pageStarted(page);
        await page.setContent(
          `<link rel="icon" href="data:,"><style>body{margin:0}</style>` +
            `<iframe title="packetwalk" src="/?view=classic&figure=${figure}&step=${n}&lang=en&embed=1" width="${width}" height="${height}" style="border:0;display:block"></iframe>`,
        );
        const frame = await iframeOf(page);
        await expect(frame.locator(SVG)).toHaveAttribute('aria-label', new RegExp(`, step ${n}: `));
        await expect(frame.locator('[data-id="counter"]')).toHaveText(counter.en);
        await frame.evaluate(() => document.fonts.ready);
        const p = await placementOf(frame, SVG);
        expect([p.innerWidth, p.innerHeight]).toEqual([width, height]);
        expectWhollyVisible(p, `${figure} in a ${width}x${height} frame`);
        expectFigureShape(p);
        // Nothing in the frame scrolls: the page is the frame's size.
        expect([p.scrollWidth, p.scrollHeight]).toEqual([width, height]);
        expectWhollyVisible(await placementOf(frame, '[data-id="panel-narration"]'), 'the narration');
        expectWhollyVisible(await placementOf(frame, '[data-id="controls"]'), 'the controls');
        expectWhollyVisible(await placementOf(frame, '[data-id="open-full"]'), 'the link to the full page');
        await page.screenshot({
          path: join(screenshots, `classic-embed-${figure}-${width}x${height}.png`),
          clip: { x: 0, y: 0, width, height },
        });
        expect(errors).toEqual([]);
      });
    }
  }
});

test.describe('Copy embed code', () => {
  test.use({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });

  test('gives an iframe that opens the same figure and step, showing the figure 1:1 at the snippet size', async ({ page, context }) => {
    const errors = watchErrors(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/?view=classic&figure=service-to-pod&step=3&lang=en');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.getByRole('button', { name: 'Copy embed code' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Embed code copied' })).toBeVisible();
    await page.screenshot({ path: join(screenshots, 'classic-share-embed-code-en.png') });
    const code = await page.evaluate(() => navigator.clipboard.readText());

    // The snippet as a browser parses it: one iframe with a title, a size, and the page's link plus embed=1.
    const parsed = await page.evaluate((html) => {
      const body = new DOMParser().parseFromString(html, 'text/html').body;
      const el = body.firstElementChild;
      return el instanceof HTMLIFrameElement && body.children.length === 1
        ? { src: el.src, title: el.title, width: Number(el.width), height: Number(el.height) }
        : null;
    }, code);
    expect(parsed).not.toBeNull();
    const src = new URL(parsed!.src);
    const here = new URL(page.url());
    expect(src.origin + src.pathname).toBe(here.origin + here.pathname);
    expect(Object.fromEntries(src.searchParams)).toEqual({ ...Object.fromEntries(here.searchParams), embed: '1' });
    expect(parsed!.title).toBe('packetwalk: a packet from a Pod to a Service and back');

    // Pasted into another page, it shows that frame, the figure at its own size, narration and controls in the frame.
    const host = await context.newPage();
    const hostErrors = watchErrors(host);
    await host.setViewportSize({ width: parsed!.width + 40, height: parsed!.height + 40 });
    await host.goto('/?preset=article');
    await pageStarted(host);
    await host.setContent(`<link rel="icon" href="data:,"><style>body{margin:0}</style>${code}`);
    const frame = await iframeOf(host);
    await expect(frame.locator(SVG)).toHaveAttribute('aria-label', /^Service-to-Pod, step 3: /);
    await expect(frame.locator('[data-id="counter"]')).toHaveText('Service to Pod 3 / 4');
    await frame.evaluate(() => document.fonts.ready);
    const p = await placementOf(frame, SVG);
    expect([p.rect.width, p.rect.height]).toEqual([FIGURE.width, FIGURE.height]);
    expectWhollyVisible(p, 'the figure in the pasted iframe');
    expectWhollyVisible(await placementOf(frame, '[data-id="panel-narration"]'), 'the narration in the pasted iframe');
    expectWhollyVisible(await placementOf(frame, '[data-id="controls"]'), 'the controls in the pasted iframe');
    await host.screenshot({ path: join(screenshots, 'classic-embed-pasted.png') });
    expect(hostErrors).toEqual([]);
    expect(errors).toEqual([]);
  });
});
