import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { matchingStep, presetScenario, registerEveryModeEngine, simulate } from '../../src/index';
import { watchErrors } from './watch-errors';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));
test.use({ viewport: { width: 1440, height: 960 } });

const params = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);
const ipvsPanel = (page: Page) => page.locator('[data-id="panel-ipvs"]');
// The article's IPVS walk: step 7 (1-based, as the URL counts) is IPVS scheduling the SYN at INPUT on vm1.
const SCHEDULED = 7;

/** The IPVS panel on its own: a tall window first, so the transport bar at the bottom covers none of it. */
async function shootPanel(page: Page, file: string) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: 1800 });
  await ipvsPanel(page).screenshot({ path: join(screenshots, file) });
  await page.setViewportSize(size);
}

test('/?preset=article&mode=ipvs shows the IPVS panel, and the article figure says IPVS', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?preset=article&mode=ipvs');
  await expect(ipvsPanel(page)).toBeVisible();
  await expect(page.getByRole('group', { name: 'kube-proxy mode' }).getByRole('button', { name: 'IPVS' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect.poll(() => params(page)).toMatchObject({ preset: 'article', mode: 'ipvs' });

  await page.goto('/?preset=article&mode=ipvs&view=classic&figure=pod-to-service&step=4');
  const svg = page.locator('svg[data-id="classic-view"]');
  await expect(svg).toBeVisible();
  await expect(svg.locator('[data-id="classic-iptables"]')).toHaveText('IPVS');
  await expect(svg).toHaveAttribute('aria-label', /IPVS rewrites the destination from svc1 to pod4/);
  await expect(ipvsPanel(page)).toContainText('rr scheduled 10.244.2.3:8080 for TCP  10.96.0.10:80');
  await page.screenshot({ path: join(screenshots, 'ipvs-classic-en-step4.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('the header switches modes, keeps the packet where it was, and writes mode=ipvs into the URL and out again', async ({ page }) => {
  const errors = watchErrors(page);
  // The same packet at the same place in the other mode's walk, as the engine finds it (the walks differ in length).
  registerEveryModeEngine();
  const article = presetScenario('article')!;
  const [iptables, ipvs] = [simulate(article), simulate(article, { mode: 'ipvs' })];
  const inIpvs = matchingStep(iptables, SCHEDULED - 1, ipvs) + 1;
  const back = matchingStep(ipvs, inIpvs - 1, iptables) + 1;
  expect(ipvs.steps[inIpvs - 1]!.label).toBe(iptables.steps[SCHEDULED - 1]!.label);
  await page.goto(`/?preset=article&view=cluster&step=${SCHEDULED}&lang=en`);
  await expect(page.locator('svg[data-id="cluster-view"]')).toBeVisible();
  expect(params(page).mode).toBeUndefined();
  await expect(ipvsPanel(page)).toHaveCount(0);
  const modes = page.getByRole('group', { name: 'kube-proxy mode' });

  await modes.getByRole('button', { name: 'IPVS' }).click();
  await expect.poll(() => params(page)).toMatchObject({ mode: 'ipvs', step: String(inIpvs) });
  await expect(ipvsPanel(page)).toBeVisible();
  await expect(ipvsPanel(page)).toContainText('TCP  10.96.0.10:80 rr');
  await expect(page.locator('[data-id="device:vm1/kube-ipvs0"]')).toBeVisible();

  await modes.getByRole('button', { name: 'iptables' }).click();
  await expect.poll(() => params(page).mode).toBeUndefined();
  expect(params(page).step).toBe(String(back));
  await expect(ipvsPanel(page)).toHaveCount(0);
  await expect(page.locator('[data-id="device:vm1/kube-ipvs0"]')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('screenshots of IPVS mode in English and Chinese', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`/?preset=article&mode=ipvs&view=cluster&step=${SCHEDULED}&lang=en`);
  await expect(ipvsPanel(page)).toContainText('TCP  10.96.0.10:80 rr');
  await expect(page.locator('[data-id="rewrite-heading"]')).toHaveText('IPVS (rr)');
  await page.screenshot({ path: join(screenshots, 'ipvs-cluster-en-scheduled.png') });
  await shootPanel(page, 'ipvs-panel-en-scheduled.png');

  await page.goto(`/?preset=article&mode=ipvs&view=cluster&step=${SCHEDULED}&lang=zh`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(ipvsPanel(page)).toContainText('rr 调度器为 TCP  10.96.0.10:80 选择了 10.244.2.3:8080');
  await page.screenshot({ path: join(screenshots, 'ipvs-cluster-zh-scheduled.png') });
  await shootPanel(page, 'ipvs-panel-zh-scheduled.png');

  // The reply, rewritten by IPVS at FORWARD on vm1.
  await page.goto('/?preset=article&mode=ipvs&view=cluster&step=30&lang=en');
  await expect(ipvsPanel(page)).toContainText('reply rewritten by IPVS');
  await page.screenshot({ path: join(screenshots, 'ipvs-cluster-en-reply.png') });
  expect(errors).toEqual([]);
});

test('the scale preset: kube-ipvs0 holds 200 addresses, and the IPVS table scrolls to the marked virtual server', async ({ page }) => {
  test.setTimeout(60_000); // the scale preset simulates for a few seconds in IPVS mode
  const errors = watchErrors(page);
  await page.goto(`/?preset=scale&mode=ipvs&view=cluster&step=${SCHEDULED}&lang=en`);
  await expect(page.locator('[data-id="device:node1/kube-ipvs0"]')).toHaveAttribute('data-addresses', '200', { timeout: 30_000 });
  const mark = ipvsPanel(page).locator('mark[data-line="real-server"]');
  await expect(mark).toBeVisible();
  const table = ipvsPanel(page).getByRole('group', { name: 'ipvsadm -Ln (node1)' });
  // The mark lies inside the table's own scrolled box.
  const [t, m] = [await table.boundingBox(), await mark.boundingBox()];
  expect(m!.y).toBeGreaterThanOrEqual(t!.y);
  expect(m!.y + m!.height).toBeLessThanOrEqual(t!.y + t!.height);
  await shootPanel(page, 'ipvs-panel-en-scale.png');
  expect(errors).toEqual([]);
});
