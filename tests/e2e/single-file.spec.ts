import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PRESET_NAMES } from '../../src/index';
import { manyServices, uploadScenario } from './big-scenario';
import { watchErrors } from './watch-errors';

// `npm run build:single` (scripts/test.mjs runs it before the browser tests): one HTML file,
// opened from disk with the network off. Every request it makes is listed: only the file itself,
// and the data: and blob: URLs it makes for itself, may appear.
const file = fileURLToPath(new URL('../../dist-single/index.html', import.meta.url));
const page0 = `file://${file}`;

test.beforeAll(() => {
  if (!existsSync(file)) throw new Error('dist-single/index.html is missing: run npm run build:single first');
});

test.describe('the single offline file', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('is one file: no script, style or icon is loaded from anywhere else', () => {
    const html = readFileSync(file, 'utf8');
    // (Matched as booleans: the file is a megabyte, too long for a failure message.)
    expect(/<script[^>]+src=/.test(html), 'a script loaded from a file').toBe(false);
    expect(/<link[^>]+rel="stylesheet"/.test(html), 'a stylesheet loaded from a file').toBe(false);
    expect(/<link\s+rel="icon"[^>]+href="data:/.test(html), 'the icon inlined as a data: URL').toBe(true);
  });

  test('opens from disk with no network: every preset, both languages, the editor, Download JSON and the worker', async ({
    page,
    context,
  }) => {
    test.setTimeout(90_000);
    await context.setOffline(true);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    const errors = watchErrors(page);
    await page.goto(`${page0}?preset=article&step=4&lang=en`);
    await expect(page.locator('svg[data-id="cluster-view"]')).toBeVisible();
    await expect(page.locator('[data-id="step-position"]')).toContainText('Step 4 of');
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step forward', exact: true }).click();
    await expect(page.locator('[data-id="step-position"]')).toContainText('Step 7 of');

    // The simulation worker, whose script is inside the file: started for `large`, then kept for the upload below.
    const worker = page.waitForEvent('worker');
    const picker = page.getByRole('combobox', { name: 'Scenario' });
    for (const name of PRESET_NAMES) {
      await picker.selectOption(name);
      // `large` is simulated in the worker (a blob: URL here): the picker shows it once its trace landed.
      await expect(picker).toHaveValue(name, { timeout: 60_000 });
      await expect(page.locator('[data-id="packet"]')).toBeAttached();
    }
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.getByRole('button', { name: '集群视图' })).toBeVisible();
    await page.getByRole('button', { name: 'English' }).click();

    await picker.selectOption('article');
    await page.getByRole('tab', { name: 'Edit scenario' }).click();
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { name: string };
    expect(saved.name).toBe('article');

    // A scenario big enough for the simulation worker.
    await uploadScenario(page, manyServices(1100, { name: 'offline' }));
    expect((await worker).url()).toMatch(/^(blob|data):/);
    await expect(page.getByRole('status').filter({ hasText: 'Opened' })).toHaveText('Opened “offline”.', { timeout: 20_000 });

    expect(requested.filter((url) => !url.startsWith(page0) && !/^(data|blob):/.test(url))).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('Copy link gives a link whose frame the hosted page opens', async ({ browser, page: hosted }) => {
    const offline = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await offline.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await offline.newPage();
    await page.goto(`${page0}?preset=hairpin&step=5&lang=zh`);
    await page.getByRole('button', { name: '分享' }).click();
    await page.getByRole('button', { name: '复制链接' }).click();
    const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    await offline.close();

    await hosted.goto(`/${link.search}`);
    await expect(hosted.getByRole('combobox', { name: '场景' })).toHaveValue('hairpin');
    await expect(hosted.locator('[data-id="step-position"]')).toContainText('5');
    expect(new URL(hosted.url()).searchParams.get('step')).toBe('5');
    expect(new URL(hosted.url()).searchParams.get('lang')).toBe('zh');
  });
});
