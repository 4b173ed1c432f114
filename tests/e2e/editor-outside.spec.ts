import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchErrors } from './watch-errors';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

const params = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);
const steps = (page: Page) => page.getByRole('list', { name: 'Steps of the trace' }).locator(':scope > li[data-id^="step-"]');

/** The article's svc1 as a NodePort Service under externalTrafficPolicy Local, and a laptop on the nodes' network sending to vm1's node port. */
async function editToLaptopOnVm1(page: Page) {
  await page.getByRole('tab', { name: 'Edit scenario' }).click();
  const svc1 = page.getByRole('form', { name: 'Change a Service: svc1' });
  await svc1.getByLabel('Type', { exact: true }).selectOption('NodePort');
  await svc1.getByLabel('External traffic policy').selectOption('Local');
  await svc1.getByRole('button', { name: 'Apply' }).click();
  await expect(svc1.getByLabel('Node port')).toHaveAttribute('placeholder', 'auto: 30000');
  const add = page.getByRole('form', { name: 'Add client' });
  await add.getByLabel('Name', { exact: true }).fill('laptop');
  await expect(add.getByLabel('Where')).toHaveValue('host');
  await add.getByRole('button', { name: 'Add client' }).click();
  await expect(page.locator('[data-id="editor-client-laptop"]')).toContainText('192.168.0.100');
  const traffic = page.getByRole('form', { name: 'Connections' });
  await traffic.getByLabel('From').first().selectOption('laptop');
  await expect(traffic.getByLabel('Sent to').first().locator('option:checked')).toHaveText('vm1 192.168.0.11:30000 (node port)');
  await traffic.getByRole('button', { name: 'Apply traffic' }).click();
  await expect(page.locator('[data-id="editor-errors"]')).toHaveCount(0);
}

/** The side pane's editor at a window size, in a language: the Service form in sight, then the traffic form. */
async function shootEditor(page: Page, width: number, height: number, lang: 'en' | 'zh') {
  await page.setViewportSize({ width, height });
  const pane = page.locator('[data-id="scenario-editor"]');
  await pane.locator('[data-id="editor-edit-service"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screenshots, `editor-outside-service-${width}x${height}-${lang}.png`) });
  await pane.locator('[data-id="editor-traffic-form"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screenshots, `editor-outside-traffic-${width}x${height}-${lang}.png`) });
  // The editor scrolls inside its tab: the page itself does not, so the view and the narration stay where they were.
  const page_ = await page.evaluate(() => ({ scroll: window.scrollY, inner: window.innerHeight }));
  expect(page_.scroll).toBe(0);
  const narration = await page.locator('[data-id="narration"]').boundingBox();
  expect(narration).not.toBeNull();
  expect(narration!.y + narration!.height).toBeLessThanOrEqual(page_.inner);
}

test('the editor turns svc1 into a NodePort with policy Local and sends from a laptop to vm1: the walk goes through KUBE-NODEPORTS and drops', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  await page.goto('/?preset=article&view=list&lang=en');
  await expect(steps(page).first()).toBeVisible();
  await expect(page.getByRole('list', { name: 'Steps of the trace' })).not.toContainText('KUBE-NODEPORTS');
  await page.goto('/?preset=article&view=cluster&step=1&lang=en');
  await editToLaptopOnVm1(page);
  await expect.poll(() => Object.keys(params(page))[0]).toBe('s');
  for (const [w, h] of [
    [1024, 768],
    [1440, 900],
  ] as const)
    await shootEditor(page, w, h, 'en');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('tab', { name: '编辑场景' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('form', { name: '修改 Service: svc1' }).getByLabel('外部流量策略')).toHaveValue('Local');
  for (const [w, h] of [
    [1024, 768],
    [1440, 900],
  ] as const)
    await shootEditor(page, w, h, 'zh');

  // The link carries the edit. At PREROUTING on vm1 the rules go through KUBE-NODEPORTS to svc1's KUBE-EXT chain.
  const url = new URL(page.url());
  const at = async (view: string, step?: number) => {
    url.searchParams.set('view', view);
    url.searchParams.set('lang', 'en');
    if (step === undefined) url.searchParams.delete('step');
    else url.searchParams.set('step', String(step));
    await page.goto(url.pathname + url.search);
  };
  await at('cluster', 3);
  await expect(page.locator('[data-id="narration"]')).toContainText('nat PREROUTING on vm1');
  await expect(page.locator('[data-id="panel-rules"]')).toContainText('-j KUBE-NODEPORTS');
  await expect(page.locator('[data-id="panel-rules"]')).toContainText('-A KUBE-NODEPORTS -p tcp -m comment --comment "default/svc1:http"');
  await page.screenshot({ path: join(screenshots, 'editor-outside-nodeports-1440x900-en.png') });
  // vm1 holds no endpoint of svc1 (pod4 is on vm2): policy Local drops the packet there, and says why.
  await at('cluster', 5);
  await expect(page.locator('[data-id="narration"]')).toContainText('has no local endpoints');
  await at('list');
  await expect(steps(page).first()).toContainText('laptop');
  const drop = steps(page).filter({ hasText: 'has no local endpoints' }).first();
  await expect(drop).toHaveAttribute('data-kind', 'drop');
  await expect(drop).toContainText('vm1');
  expect(errors).toEqual([]);
});

test('an edit the engine refuses lists "path: message" and keeps the last good walk', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?preset=article&view=cluster&step=1&lang=en');
  await page.getByRole('tab', { name: 'Edit scenario' }).click();
  const svc1 = page.getByRole('form', { name: 'Change a Service: svc1' });
  await svc1.getByLabel('Type', { exact: true }).selectOption('NodePort');
  await svc1.getByLabel('Node port').fill('29999');
  await svc1.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('[data-id="editor-errors"]')).toContainText(
    'cluster.services[0].ports[0].nodePort: 29999 is outside the node port range 30000-32767',
  );
  expect(params(page).preset).toBe('article');
  expect(errors).toEqual([]);
});
