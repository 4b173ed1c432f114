import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCliScript } from '../cli/run-cli';
import { watchErrors } from './watch-errors';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const screenshots = join(root, 'tests', 'e2e', 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

const params = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);
const lab = (page: Page) => page.locator('[data-id="lab-panel"]');

/** `npm run -s cli -- lb ...`: pod -> count, from its `IP:PORT POD COUNT` lines. */
function cliCounts(...args: string[]): Record<string, number> {
  const r = runCliScript('cli/main.ts', ['lb', ...args], { cwd: root });
  expect(r.code, r.err).toBe(0);
  const lines = r.out.trim().split('\n').slice(0, -1);
  return Object.fromEntries(lines.map((l) => l.split(' ')).map(([, pod, n]) => [pod!, Number(n)]));
}

/** Runs the lab and returns the bars' counts by pod, once the result is on screen. */
async function runLab(page: Page, connections: number): Promise<Record<string, number>> {
  await page.locator('[data-id="lab-connections"]').fill(String(connections));
  await page.locator('[data-id="lab-run"]').click();
  await expect(page.locator('[data-id="lab-result"]')).toBeVisible({ timeout: 20_000 });
  const bars = page.locator('[data-id="lab-bar"]');
  const pods = await bars.evaluateAll((els) =>
    els.map((e) => [e.getAttribute('data-pod')!, Number(e.getAttribute('data-count'))] as const),
  );
  return Object.fromEntries(pods);
}

test.describe('the load-balancing lab', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('?preset=three-replicas&lab=lb: 3000 connections give three bars summing to 3000, the CLI counts for the same seed', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.goto('/?preset=three-replicas&lab=lb');
    await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');
    const counts = await runLab(page, 3000);
    expect(Object.keys(counts)).toEqual(['pod2', 'pod3', 'pod4']);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(3000);
    expect(counts).toEqual(cliCounts('--preset', 'three-replicas', '--connections', '3000'));
    await expect(lab(page).locator('[data-id="lab-test"]')).toContainText(/Chi-square \d+\.\d{3}, 2 degrees of freedom\. p-value 0\.\d{4}/);
    await expect(lab(page).getByRole('region', { name: 'Why these shares' })).toContainText('--probability 0.33333333349');
    await expect(lab(page).getByRole('status')).toContainText('in a background worker');
    await page.screenshot({ path: join(screenshots, 'lab-en-three-replicas.png') });
    // The panel whole: a tall window first, so the transport bar at the bottom covers none of it.
    await page.setViewportSize({ width: 1440, height: 2000 });
    await lab(page).screenshot({ path: join(screenshots, 'lab-en-panel.png') });
    expect(errors).toEqual([]);
  });

  test('in Chinese and dark, IPVS rr: exactly 1000 each, like the CLI', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/?preset=three-replicas&mode=ipvs&lab=lb&lang=zh&theme=dark');
    await expect(page.getByRole('tab', { name: '实验' })).toHaveAttribute('aria-selected', 'true');
    const counts = await runLab(page, 3000);
    expect(counts).toEqual({ pod2: 1000, pod3: 1000, pod4: 1000 });
    expect(counts).toEqual(cliCounts('--preset', 'three-replicas', '--mode', 'ipvs', '--connections', '3000'));
    await expect(lab(page).locator('[data-id="lab-test"]')).toContainText('没有 p 值：rr 轮流选择真实服务器');
    await page.screenshot({ path: join(screenshots, 'lab-zh-ipvs-dark.png') });
    expect(errors).toEqual([]);
  });

  test('in Chinese, iptables: the same counts as in English for the same seed', async ({ page }) => {
    await page.goto('/?preset=three-replicas&lab=lb&lang=zh&seed=5');
    const counts = await runLab(page, 3000);
    expect(counts).toEqual(cliCounts('--preset', 'three-replicas', '--connections', '3000', '--seed', '5'));
    await expect(lab(page).getByRole('region', { name: '为什么是这样的占比' })).toContainText('0.33333333349、0.50000000000、（无）');
    await page.screenshot({ path: join(screenshots, 'lab-zh-three-replicas.png') });
  });

  test('session-affinity: every connection on one endpoint', async ({ page }) => {
    await page.goto('/?preset=session-affinity&lab=lb');
    const counts = await runLab(page, 3000);
    expect(Object.values(counts).sort((a, b) => a - b)).toEqual([0, 3000]);
    await expect(lab(page).locator('[data-id="lab-test"]')).toContainText(
      'with session affinity every connection of a client follows its first one',
    );
  });
});

test('keyboard: the Lab tab, the count and Enter run it; leaving the tab drops lab=lb from the URL', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/?preset=three-replicas');
  expect(params(page).lab).toBeUndefined();
  await page.getByRole('tab', { name: 'Step details' }).focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Your node' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Lab' })).toBeFocused();
  await expect.poll(() => params(page).lab).toBe('lb');
  const input = page.locator('[data-id="lab-connections"]');
  await input.focus();
  await input.fill('300');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-id="lab-bar"]')).toHaveCount(3, { timeout: 20_000 });
  // At 1024x768 the form and the histogram are on screen without scrolling the pane.
  await expect(page.locator('[data-id="lab-run"]')).toBeInViewport();
  await expect(page.locator('[data-id="lab-histogram"] svg')).toBeInViewport({ ratio: 0.9 });
  await page.screenshot({ path: join(screenshots, 'lab-en-1024.png') });
  await page.getByRole('tab', { name: 'Lab' }).focus();
  await page.keyboard.press('Home');
  await expect.poll(() => params(page).lab).toBeUndefined();
});
