import { expect, test, type Page } from '@playwright/test';
import { manyServices, uploadScenario } from './big-scenario';
import { serveDist } from './serve-dist';
import { watchErrors } from './watch-errors';

// The built site as a course site would host it: under a sub-folder, with nothing at the site root.
const FOLDER = '/courses/k8s/packetwalk/';
const hostUnderFolder = (page: Page) => serveDist(page, { folder: FOLDER });

const origin = (page: Page) => new URL(page.url()).origin;

test.describe(`hosted under ${FOLDER}`, () => {
  test('the page opens, and its language and view switches keep the folder', async ({ page }) => {
    const outside = await hostUnderFolder(page);
    const errors = watchErrors(page);
    await page.goto(`${FOLDER}?preset=article&step=4&lang=en`);
    await expect(page.locator('svg[data-id="cluster-view"]')).toBeVisible();
    await expect(page.locator('[data-id="step-position"]')).toContainText('Step 4 of');
    await page.getByRole('button', { name: '中文' }).click();
    expect(new URL(page.url()).pathname).toBe(FOLDER);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('zh');
    await page.getByRole('button', { name: '文章插图' }).click();
    await expect(page.locator('[data-view="classic"]').first()).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(FOLDER);
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe(FOLDER);
    // A part loaded on demand comes from the folder too.
    await page.getByRole('tab', { name: '编辑场景' }).click();
    await expect(page.getByRole('tabpanel').getByRole('button').first()).toBeVisible();
    // The icon is in the page (a data: URL) or in the folder.
    const icon = new URL(await page.locator('link[rel="icon"]').evaluate((l: HTMLLinkElement) => l.href));
    expect(icon.protocol === 'data:' || icon.pathname.startsWith(FOLDER), icon.href).toBe(true);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a copied link opens the same frame in a fresh browser, in the folder; the embed code and its full-page link stay there', async ({
    page,
    context,
    browser,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const outside = await hostUnderFolder(page);
    await page.goto(`${FOLDER}?preset=hairpin&step=3&lang=en`);
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step forward', exact: true }).click();
    await expect(page.locator('[data-id="step-position"]')).toContainText('Step 6 of');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(link.origin).toBe(origin(page));
    expect(link.pathname).toBe(FOLDER);
    expect(link.searchParams.get('preset')).toBe('hairpin');

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    const otherOutside = await hostUnderFolder(other);
    await other.goto(link.href);
    await expect(other.locator('[data-id="step-position"]')).toContainText('Step 6 of');
    await expect(other.getByRole('combobox', { name: 'Scenario' })).toHaveValue('hairpin');
    expect(new URL(other.url()).pathname).toBe(FOLDER);
    expect(otherOutside).toEqual([]);
    await fresh.close();
    await page.getByRole('button', { name: 'Copy embed code' }).click();
    const code = await page.evaluate(() => navigator.clipboard.readText());
    const src = new URL(/src="([^"]+)"/.exec(code)![1]!.replaceAll('&amp;', '&'));
    expect(src.pathname).toBe(FOLDER);
    expect(src.searchParams.get('embed')).toBe('1');

    await page.goto(src.href);
    await expect(page.locator('[data-id="embed"]')).toBeVisible();
    const full = new URL(await page.locator('[data-id="open-full"]').evaluate((a: HTMLAnchorElement) => a.href));
    expect(full.pathname).toBe(FOLDER);
    expect(full.searchParams.get('embed')).toBeNull();
    expect(outside).toEqual([]);
  });

  test('a big scenario simulates in the worker, loaded from the folder', async ({ page }) => {
    const outside = await hostUnderFolder(page);
    const errors = watchErrors(page);
    await page.goto(`${FOLDER}?preset=article&view=list&lang=en`);
    const worker = page.waitForEvent('worker');
    await uploadScenario(page, manyServices(1100, { name: 'folder' }));
    expect(new URL((await worker).url()).pathname.startsWith(FOLDER)).toBe(true);
    await expect(page.getByRole('status').filter({ hasText: 'Opened' })).toHaveText('Opened “folder”.', { timeout: 20_000 });
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
