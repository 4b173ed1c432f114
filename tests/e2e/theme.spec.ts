import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sidewaysOverflow } from './visible';
import { watchErrors } from './watch-errors';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

/** A node's background in the cluster view (NodeShape draws it with the theme's node fill). */
const nodeFill = (page: Page) => page.locator('[data-id="node:vm1"] > rect').first();
const computed = (locator: Locator, property: string) => locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

/** The colours the theme gives: light as the article and the page always had them. */
const LIGHT_NODE = 'rgb(245, 245, 245)';
const DARK_NODE = 'rgb(30, 36, 44)';

test.describe('the theme', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('with no theme= the page follows the system, and changes with it live, re-drawing nothing', async ({ page }) => {
    const errors = watchErrors(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/?preset=article&step=4');
    const node = await nodeFill(page).elementHandle();
    expect(await computed(nodeFill(page), 'fill')).toBe(LIGHT_NODE);
    // The article's packet: #F8CECC with #B85450.
    const dot = page.locator('[data-id="packet-dot"]');
    expect([await computed(dot, 'fill'), await computed(dot, 'stroke')]).toEqual(['rgb(248, 206, 204)', 'rgb(184, 84, 80)']);
    expect(await page.locator('html').getAttribute('data-theme')).toBeNull();

    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await computed(nodeFill(page), 'fill')).toBe(DARK_NODE);
    expect(await computed(page.locator('body'), 'background-color')).not.toBe('rgb(247, 249, 251)');
    expect(await computed(page.locator('[data-id="narration"] .pw-narration-text'), 'color')).toBe('rgb(230, 237, 243)');
    // The same SVG element, recoloured by CSS: the switch re-rendered nothing.
    expect(await node!.evaluate((el) => el.isConnected)).toBe(true);
    expect(new URL(page.url()).searchParams.get('theme')).toBeNull();
    expect(errors).toEqual([]);
  });

  test('theme=light and theme=dark override the system', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/?preset=article&step=4&theme=light');
    expect(await computed(nodeFill(page), 'fill')).toBe(LIGHT_NODE);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/?preset=article&step=4&theme=dark');
    expect(await computed(nodeFill(page), 'fill')).toBe(DARK_NODE);
  });

  test('in the header, only the pressed choice of each switch is filled; the others keep the card background', async ({ page }) => {
    await page.goto('/?preset=article&step=4&theme=light&lang=en');
    const fill = (name: string) => computed(page.getByRole('button', { name, exact: true }), 'background-color');
    const pressed = await fill('iptables');
    const card = await fill('IPVS');
    expect(pressed).not.toBe(card);
    for (const name of ['Article figures', 'All steps', '中文', 'Present', 'Share']) expect(await fill(name), name).toBe(card);
    expect(await fill('Cluster view')).toBe(pressed);
    expect(await fill('English')).toBe(pressed);
  });

  test('the header picker switches to high contrast: black on white, thicker strokes, and theme= in the URL', async ({ page }) => {
    const errors = watchErrors(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/?preset=article&step=4');
    const box = page.locator('[data-id="node:vm1"] > rect').first();
    const thin = parseFloat(await computed(box, 'stroke-width'));
    await page.getByRole('combobox', { name: 'Colour theme' }).selectOption('contrast');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
    expect(await computed(nodeFill(page), 'fill')).toBe('rgb(255, 255, 255)');
    expect(await computed(page.locator('[data-id="narration"] .pw-narration-text'), 'color')).toBe('rgb(0, 0, 0)');
    expect(parseFloat(await computed(box, 'stroke-width'))).toBeGreaterThan(thin);
    await expect.poll(() => new URL(page.url()).searchParams.get('theme')).toBe('contrast');
    // Back to the system: the parameter goes, so a link follows each reader's own system.
    await page.getByRole('combobox', { name: 'Colour theme' }).selectOption('auto');
    await expect.poll(() => new URL(page.url()).searchParams.get('theme')).toBeNull();
    expect(errors).toEqual([]);
  });

  test('an unknown theme is named in an alert and the page follows the system', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/?preset=article&step=4&theme=purple');
    await expect(page.getByRole('alert')).toContainText('“theme”');
    expect(await computed(nodeFill(page), 'fill')).toBe(DARK_NODE);
    await expect(page.getByRole('combobox', { name: 'Colour theme' })).toHaveValue('auto');
  });

  test('the article figure keeps its own white paper in dark, pixel for pixel as in light', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/?view=classic&figure=pod-to-service&step=4');
    const box = (await page.locator('svg[data-id="classic-view"]').boundingBox())!;
    // Inside its edge: the figure's box falls between pixels, so its outermost ones blend with the frame around it.
    const inside = { x: box.x + 2, y: box.y + 2, width: box.width - 4, height: box.height - 4 };
    const light = await page.screenshot({ clip: inside });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await computed(page.locator('.view-area[data-view="classic"]'), 'background-color')).toBe('rgb(22, 27, 34)');
    expect((await page.screenshot({ clip: inside })).equals(light)).toBe(true);
  });

  test('every step kind has its own shape, and the legend shows the ticks’ shapes', async ({ page }) => {
    const ticks: Record<string, string> = {};
    // The article has the NAT, conntrack, hook, L2 and L3 kinds; no-endpoints a REJECT; pod-churn the control plane.
    for (const preset of ['article', 'no-endpoints', 'pod-churn']) {
      await page.goto(`/?preset=${preset}&step=1`);
      await page.getByText('Step kinds').click();
      const shapes = await page.evaluate(() => {
        const shape = (el: Element, pseudo?: string) => getComputedStyle(el, pseudo).maskImage;
        const ticks: Record<string, string> = {};
        for (const tick of document.querySelectorAll('.pw-tick')) ticks[tick.getAttribute('data-category')!] = shape(tick, '::before');
        const legend: Record<string, string> = {};
        for (const item of document.querySelectorAll('.pw-legend li'))
          legend[item.getAttribute('data-category')!] = shape(item.querySelector('.pw-kind-mark')!);
        return { ticks, legend };
      });
      expect(shapes.legend, preset).toEqual(shapes.ticks);
      Object.assign(ticks, shapes.ticks);
    }
    expect(Object.keys(ticks).sort()).toEqual(['conntrack', 'control', 'filter', 'l2', 'l3', 'nat', 'stop']);
    expect(new Set(Object.values(ticks)).size).toBe(7);
    for (const image of Object.values(ticks)) expect(image).toMatch(/^url\("data:image\/svg\+xml/);
  });
});

/** The screenshots a person looks at: dark and high contrast at a laptop and a projector, each view, both languages. */
const VIEWS = [
  ['cluster', 'preset=article&view=cluster&step=7'],
  ['classic', 'preset=article&view=classic&figure=pod-to-service&step=4'],
  ['list', 'preset=article&view=list&step=4'],
] as const;

for (const theme of ['dark', 'contrast'] as const) {
  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ] as const) {
    for (const lang of ['en', 'zh'] as const) {
      test(`screenshot: ${theme} at ${width}x${height} in ${lang === 'en' ? 'English' : 'Chinese'}`, async ({ page }) => {
        const errors = watchErrors(page);
        await page.setViewportSize({ width, height });
        for (const [view, query] of VIEWS) {
          await page.goto(`/?${query}&lang=${lang}&theme=${theme}`);
          await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
          await page.waitForLoadState('networkidle');
          expect(await sidewaysOverflow(page)).toBe(0);
          await page.screenshot({ path: join(screenshots, `theme-${theme}-${view}-${width}x${height}-${lang}.png`) });
        }
        expect(errors).toEqual([]);
      });
    }
  }
}

test.describe('a phone in dark', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, colorScheme: 'dark' });
  for (const lang of ['en', 'zh'] as const) {
    test(`screenshot: the cluster view in ${lang === 'en' ? 'English' : 'Chinese'}`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.goto(`/?preset=article&view=cluster&step=4&lang=${lang}`);
      await expect(page.locator('svg[data-id="cluster-view"]')).toBeVisible();
      expect(await computed(nodeFill(page), 'fill')).toBe(DARK_NODE);
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: join(screenshots, `theme-dark-phone-${lang}.png`) });
      expect(errors).toEqual([]);
    });
  }
});
