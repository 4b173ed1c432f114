import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './watch-errors';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

const params = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);
const rules = (page: Page) => page.getByRole('region', { name: /^(Rules|规则)/ });

test('the default page is the article in the cluster view, with a Play button and a full URL', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page.locator('svg[data-id="cluster-view"]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect.poll(() => params(page)).toMatchObject({ preset: 'article', view: 'cluster', step: '1', lang: 'en' });
  await page.getByRole('button', { name: 'Article figures' }).click();
  await expect(page.locator('svg[data-id="classic-view"]')).toBeVisible();
  await expect.poll(() => params(page)).toMatchObject({ view: 'classic', figure: 'pod-to-service', step: '1' });
  expect(errors).toEqual([]);
});

test('keyboard stepping moves the frame, the URL and the panels; a reload keeps the frame', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?preset=article&view=cluster&step=1&lang=en');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => params(page).step).toBe('4');
  await expect(rules(page)).toContainText('-j DNAT --to-destination 10.244.2.3:8080');
  await page.screenshot({ path: join(screenshots, 'cluster-en-dnat.png') });

  await page.reload();
  await expect.poll(() => params(page).step).toBe('4');
  await expect(rules(page)).toContainText('-j DNAT --to-destination 10.244.2.3:8080');

  await page.keyboard.press('End');
  await expect.poll(() => Number(params(page).step)).toBeGreaterThan(30);
  await page.keyboard.press('Home');
  await expect.poll(() => params(page).step).toBe('1');
  expect(errors).toEqual([]);
});

test('in Chinese: the new conntrack entry and the reply whose source is rewritten back to the Service', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?preset=article&view=cluster&step=7&lang=zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('region', { name: /连接跟踪|conntrack/i })).toContainText('SYN_SENT');
  await page.screenshot({ path: join(screenshots, 'cluster-zh-conntrack.png') });
  await page.goto('/?preset=article&view=cluster&step=28&lang=zh');
  await expect(page.getByRole('region', { name: /数据包/ }).first()).toContainText('10.96.0.10:80');
  await page.screenshot({ path: join(screenshots, 'cluster-zh-reverse-nat.png') });
  await page.goto('/?preset=article&view=classic&figure=pod-to-service&step=4&lang=zh');
  await expect(page.locator('svg[data-id="classic-view"]')).toBeVisible();
  await page.screenshot({ path: join(screenshots, 'classic-zh-step4.png'), fullPage: true });
  expect(errors).toEqual([]);
});

const HOSTILE = [
  ['?preset=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', 'preset'],
  ['?step=-5', 'step'],
  ['?step=99999999', 'step'],
  ['?view=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'view'],
  ['?lang=javascript:alert(1)', 'lang'],
  ['?seed=NaN', 'seed'],
  ['?view=classic&figure=pod-to-service&step=9', 'step'],
  ['?figure=%00%00', 'figure'],
] as const;

for (const [search, param] of HOSTILE) {
  test(`a hostile URL (${search}) shows an alert naming "${param}" and a working default page`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`/${search}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`“${param}”`);
    await expect(page.locator('img, script:not([type="module"]):not([src])')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => params(page).step).toBe('2');
    expect(errors).toEqual([]);
  });
}

test('screenshots of the cluster view in English and of the scale preset', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1440, height: 960 });
  await page.goto('/?preset=article&view=cluster&step=28&lang=en');
  await page.screenshot({ path: join(screenshots, 'cluster-en-reverse-nat.png') });
  await page.goto('/?preset=scale&view=cluster&step=5&lang=en');
  await expect(page.locator('svg[data-id="cluster-view"]')).toBeVisible();
  await page.screenshot({ path: join(screenshots, 'cluster-en-scale.png') });
  await page.goto('/?preset=no-endpoints&view=classic&lang=en');
  await expect(page.getByRole('button', { name: 'Open the cluster view' })).toBeVisible();
  expect(errors).toEqual([]);
});
