import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { notVisible, sidewaysOverflow } from './visible';
import { watchErrors } from './watch-errors';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));
test.use({ viewport: { width: 1920, height: 1080 } });

const params = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);
const NARRATION = '[data-id="narration"] .pw-narration-text';

/** The smallest on-screen size, in CSS px, of the diagram's text that lies inside the view (Infinity when none does). */
const smallestLabel = (page: Page) =>
  page.locator('svg[data-id="cluster-view"]').evaluate((svg: SVGSVGElement) => {
    const view = svg.parentElement!.getBoundingClientRect();
    let smallest = Infinity;
    for (const text of svg.querySelectorAll<SVGTextElement>('text')) {
      const r = text.getBoundingClientRect();
      const inside = r.width > 0 && r.left >= view.left && r.right <= view.right && r.top >= view.top && r.bottom <= view.bottom;
      if (!inside || !text.textContent?.trim()) continue;
      const size = parseFloat(getComputedStyle(text).fontSize) * (text.getScreenCTM()?.a ?? 1);
      smallest = Math.min(smallest, size);
    }
    return smallest;
  });

function expectLabelsReadable(smallest: number) {
  expect(smallest).toBeGreaterThanOrEqual(18);
  expect(smallest, 'some label is inside the view').toBeLessThan(40);
}

test('present=1 shows the view and the narration only, in type readable from the back of a room', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?preset=article&view=cluster&step=4&lang=en&present=1');
  await expect(page.locator('svg[data-id="cluster-view"]')).toBeVisible();
  await expect(page.locator('.app-title')).toBeHidden();
  await expect(page.locator('.side')).toBeHidden();
  expect(await notVisible(page.locator(NARRATION))).toEqual([]);
  expect(await page.locator(NARRATION).evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(28);
  expectLabelsReadable(await smallestLabel(page));
  expect(await sidewaysOverflow(page)).toBe(0);
  await page.screenshot({ path: join(screenshots, 'presenter-1920x1080-en.png') });

  // A clicker's PageDown and PageUp step; the labels stay large as the view follows the packet.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
  await expect.poll(() => params(page).step).toBe('7');
  expectLabelsReadable(await smallestLabel(page));
  await page.keyboard.press('PageUp');
  await expect.poll(() => params(page).step).toBe('6');

  // The step details on demand, beside the view.
  await page.getByRole('button', { name: 'Step details' }).click();
  await expect(page.locator('[data-id="panel-evidence"]')).toBeVisible();
  await page.getByRole('button', { name: 'Step details' }).click();
  await expect(page.locator('.side')).toBeHidden();
  expect(errors).toEqual([]);
});

test('F enters and leaves presenter mode, Escape leaves it, and the URL follows', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?preset=article&view=cluster&step=4&lang=en');
  await expect(page.locator('.app-title')).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('f');
  await expect.poll(() => params(page).present).toBe('1');
  await expect(page.locator('.app-title')).toBeHidden();
  await page.keyboard.press('f');
  await expect.poll(() => params(page).present).toBeUndefined();
  await expect(page.locator('.app-title')).toBeVisible();
  await page.getByRole('button', { name: 'Present' }).click();
  await expect.poll(() => params(page).present).toBe('1');
  await page.keyboard.press('Escape');
  await expect.poll(() => params(page).present).toBeUndefined();
  await expect(page.locator('.side')).toBeVisible();
  expect(errors).toEqual([]);
});

test('presenter mode in Chinese', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?preset=article&view=cluster&step=28&lang=zh&present=1');
  await expect(page.locator('svg[data-id="cluster-view"]')).toBeVisible();
  expect(await notVisible(page.locator(NARRATION))).toEqual([]);
  expect(await page.locator(NARRATION).evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(28);
  expectLabelsReadable(await smallestLabel(page));
  await page.screenshot({ path: join(screenshots, 'presenter-1920x1080-zh.png') });
  expect(errors).toEqual([]);
});
