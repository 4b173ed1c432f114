import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { viewTransform } from './view-transform';
import { watchErrors } from './watch-errors';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

/** The nodes whose box meets the cluster view's frame, split by how they are drawn. */
async function nodesInView(page: Page): Promise<{ full: string[]; outline: string[] }> {
  return page.evaluate(() => {
    const frame = document.querySelector('[data-id="cluster-view-frame"]')!.getBoundingClientRect();
    const full: string[] = [];
    const outline: string[] = [];
    for (const g of document.querySelectorAll('[data-id^="node:"], [data-id^="node-devices:"]')) {
      const b = g.getBoundingClientRect();
      if (b.right <= frame.left || b.left >= frame.right || b.bottom <= frame.top || b.top >= frame.bottom) continue;
      (g.hasAttribute('data-detail') ? outline : full).push(g.getAttribute('data-id')!);
    }
    return { full, outline };
  });
}

test.describe('level of detail on the large preset, 1440x900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  // Full detail comes a few nodes per frame after a pan or zoom (progressive-detail.ts): the view
  // must still end with every node in sight drawn in full, pods, devices and labels.
  test('after zooming out past reading, back in and a drag across, every node in sight is drawn in full', async ({ page }) => {
    test.setTimeout(300_000);
    const errors = watchErrors(page);
    await page.goto('/?preset=large&view=cluster&step=1&lang=en');
    await expect(page.locator('.picker-scenario select')).toHaveValue('large', { timeout: 120_000 });
    await page.locator('[data-id="cluster-static"]').waitFor();

    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom out', exact: true }).click();
    await expect.poll(async () => (await nodesInView(page)).outline.length, { timeout: 30_000 }).toBeGreaterThan(0);

    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    const view = (await page.locator('[data-id="cluster-view-frame"]').boundingBox())!;
    const x = view.x + view.width / 2;
    const y = view.y + view.height / 2;
    const before = await viewTransform(page);
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(x - 25 * i, y - 10 * i);
    await page.mouse.up();
    await expect.poll(() => viewTransform(page)).not.toBe(before);

    await expect.poll(async () => (await nodesInView(page)).outline, { timeout: 30_000 }).toEqual([]);
    const { full } = await nodesInView(page);
    expect(full.filter((id) => id.startsWith('node:')).length).toBeGreaterThan(0);
    expect(full.filter((id) => id.startsWith('node-devices:')).length).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshots, 'cluster-pan-detail-large.png') });
    expect(errors).toEqual([]);
  });
});
