import { expect, test } from '@playwright/test';
import { watchErrors } from './watch-errors';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

test('lists the article trace: the DNAT to a KUBE-SEP endpoint and the reply from the Service IP', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?view=list');
  await page.waitForLoadState('networkidle');

  const list = page.getByRole('list', { name: 'Steps of the trace' });
  await expect(list).toBeVisible();
  const steps = list.locator(':scope > li[data-id^="step-"]');
  expect(await steps.count()).toBeGreaterThan(5);

  const dnat = steps.filter({ has: page.locator('code.kind', { hasText: /^dnat$/ }) }).first();
  await expect(dnat).toBeVisible();
  await expect(dnat.locator('code.rule')).toContainText('KUBE-SEP-');
  const serviceIp = await dnat.getAttribute('data-before-dst-ip');
  expect(serviceIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);

  // On its way back the reply leaves with the Service IP as its source (conntrack undid the DNAT).
  const back = steps.and(page.locator(`[data-direction="reply"][data-src-ip="${serviceIp}"]`));
  expect(await back.count()).toBeGreaterThan(0);
  await expect(back.first().locator('code.packet')).toContainText(`${serviceIp}:`);

  await page.screenshot({ path: join(screenshots, 'steps-en.png'), fullPage: true });
  await page.screenshot({ path: join(screenshots, 'steps-en-top.png') });
  await dnat.screenshot({ path: join(screenshots, 'step-en-dnat.png') });
  await back.first().screenshot({ path: join(screenshots, 'step-en-back.png') });
  expect(errors).toEqual([]);
});

test('labels the page in Chinese with ?lang=zh', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?view=list&lang=zh');
  await page.waitForLoadState('networkidle');

  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('数据包从 Pod 到 Service 再返回');
  await expect(page.getByRole('list', { name: '追踪的步骤' })).toBeVisible();

  await page.screenshot({ path: join(screenshots, 'steps-zh.png'), fullPage: true });
  await page.screenshot({ path: join(screenshots, 'steps-zh-top.png') });
  const dnat = page.locator('li[data-kind="dnat"]').first();
  await dnat.screenshot({ path: join(screenshots, 'step-zh-dnat.png') });
  expect(errors).toEqual([]);
});

test('falls back to English for an unknown language, and says so', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?lang=xx');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A packet from a Pod to a Service and back');
  await expect(page.getByRole('alert')).toContainText('“lang”');
  expect(errors).toEqual([]);
});
