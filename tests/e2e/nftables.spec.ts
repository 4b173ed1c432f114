import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { notVisible } from './visible';
import { watchErrors } from './watch-errors';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));
test.use({ viewport: { width: 1440, height: 900 } });

const params = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);
const nftPanel = (page: Page) => page.locator('[data-id="panel-nftables"]');
const modes = (page: Page) => page.locator('[data-id="mode-switch"]');
// The article's nftables walk: step 4 (1-based, as the URL counts) is the DNAT in vm1's nat-prerouting.
const DNAT = 4;

/** The nftables panel on its own: a tall window first, so the transport bar at the bottom covers none of it. */
async function shootPanel(page: Page, file: string) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: 2400 });
  await nftPanel(page).screenshot({ path: join(screenshots, file) });
  await page.setViewportSize(size);
}

/** How many rows the header's settings take: their children's tops, a row more at each jump of over 10 px (a select and a button of one row differ by a pixel or two). */
const settingsRows = (page: Page) =>
  page.locator('.app-settings .pickers').evaluate((el) => {
    const tops = [...el.children].map((c) => c.getBoundingClientRect().top).sort((a, b) => a - b);
    return 1 + tops.filter((top, i) => i > 0 && top - tops[i - 1]! > 10).length;
  });

test('?mode=nftables at the DNAT step: the service-ips lookup, the decided dnat to, and the evidence on screen at 1024x768', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`/?preset=article&mode=nftables&step=${DNAT}&lang=en`);
  await expect(nftPanel(page)).toBeVisible();
  await expect(modes(page).getByRole('button', { name: 'nftables' })).toHaveAttribute('aria-pressed', 'true');
  const lookup = nftPanel(page).locator('table[data-set="@service-ips"]');
  await expect(lookup.locator('caption')).toHaveText('Lookup @service-ips · key 10.96.0.10 . tcp . 80');
  await expect(lookup.locator('tr[aria-current="true"]')).toContainText(
    '10.96.0.10 . tcp . 80 : goto service-7CIZXSQ5-default/svc1/tcp/http',
  );
  await expect(nftPanel(page).locator('li[aria-current="true"]')).toContainText('dnat to 10.244.2.3:8080');
  await expect(nftPanel(page).locator('table[data-set="numgen random mod 2"] tr[aria-current="true"]')).toContainText('1 : goto endpoint-');
  // The step's evidence: the path through the nftables chains to the dnat, readable without scrolling.
  const evidence = page.locator('[data-id="evidence-rules"] li');
  await expect(evidence).toHaveCount(4);
  await expect(evidence.last()).toContainText('meta l4proto tcp dnat to 10.244.2.3:8080');
  expect(await notVisible(page.locator('[data-id="evidence-rules"]'))).toEqual([]);
  expect(await notVisible(page.locator('[data-id="evidence-fields"]'))).toEqual([]);
  await page.screenshot({ path: join(screenshots, 'nftables-cluster-en-dnat-1024.png') });
  expect(errors).toEqual([]);
});

test('the article figure reads nftables in its rewriting box', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?preset=article&mode=nftables&view=classic&figure=pod-to-service&step=4');
  const svg = page.locator('svg[data-id="classic-view"]');
  await expect(svg.locator('[data-id="classic-iptables"]')).toHaveText('nftables');
  await expect(svg).toHaveAttribute('aria-label', /nftables rewrites the destination from svc1 to pod4/);
  await page.screenshot({ path: join(screenshots, 'nftables-classic-en-step4.png') });
  expect(errors).toEqual([]);
});

test('the three-way mode switch works from the keyboard, keeps the step and writes mode=nftables into the URL and out again', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(`/?preset=article&view=cluster&step=${DNAT}&lang=en`);
  await expect(page.locator('svg[data-id="cluster-view"]')).toBeVisible();
  const buttons = modes(page).getByRole('button');
  await expect(buttons).toHaveText(['iptables', 'IPVS', 'nftables']);
  await expect(buttons.nth(1)).toHaveAttribute('title', 'deprecated since Kubernetes 1.35');
  await expect(buttons.nth(2)).toHaveAttribute('title', 'GA since Kubernetes 1.33');
  await buttons.nth(0).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(buttons.nth(2)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => params(page)).toMatchObject({ mode: 'nftables', step: String(DNAT) });
  await expect(nftPanel(page).locator('li[aria-current="true"]')).toContainText('dnat to');
  await expect(page.locator('[data-id="device:vm1/kube-ipvs0"]')).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(buttons.nth(0)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => params(page).mode).toBeUndefined();
  await expect(nftPanel(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

const HEADER_WORDS = {
  en: { scheduler: 'IPVS scheduler', views: ['Cluster view', 'Article figures', 'All steps'] },
  zh: { scheduler: 'IPVS 调度算法', views: ['集群视图', '文章插图', '全部步骤'] },
} as const;

/** The laptop, projector and desktop sizes the header is checked at. */
const HEADER_SIZES = [
  [1024, 768],
  [1280, 800],
  [1440, 900],
  [1920, 1080],
] as const;

for (const lang of ['en', 'zh'] as const)
  for (const mode of ['iptables', 'ipvs', 'nftables'] as const) {
    test(`the header keeps one row in ${mode} mode (${lang}) at 1024x768, 1280x800, 1440x900 and 1920x1080, every control named`, async ({
      page,
    }) => {
      const errors = watchErrors(page);
      for (const [width, height] of HEADER_SIZES) {
        await page.setViewportSize({ width, height });
        await page.goto(`/?preset=article&mode=${mode}&step=${DNAT}&lang=${lang}`);
        if (mode === 'nftables') await expect(nftPanel(page)).toBeVisible();
        else await expect(page.locator(`[data-id="panel-${mode === 'ipvs' ? 'ipvs' : 'rules'}"]`).first()).toBeVisible();
        await expect(modes(page).getByRole('button', { pressed: true })).toHaveAccessibleName(
          mode === 'ipvs' ? /^IPVS/ : new RegExp(`^${mode}`),
        );
        expect(await settingsRows(page), `${width}x${height}`).toBe(1);
        // Shorter words at narrow widths, never fewer controls: each is on screen and named in full.
        const settings = page.locator('.app-settings');
        for (const name of HEADER_WORDS[lang].views) await expect(settings.getByRole('button', { name, exact: true })).toBeInViewport();
        if (mode === 'ipvs') await expect(settings.getByRole('combobox', { name: HEADER_WORDS[lang].scheduler })).toBeInViewport();
        await page.screenshot({ path: join(screenshots, `${mode}-cluster-${lang}-dnat-${width}.png`) });
      }
      if (mode === 'nftables') {
        await page.setViewportSize({ width: 1440, height: 900 });
        await page.locator('.app-settings').screenshot({ path: join(screenshots, `nftables-mode-switch-${lang}.png`) });
        await shootPanel(page, `nftables-panel-${lang}-dnat.png`);
      }
      expect(errors).toEqual([]);
    });
  }

for (const lang of ['en', 'zh'] as const)
  test(`the mode switch stays under the pointer: switching modes moves none of its buttons (${lang}, 1024 to 1920 px)`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    for (const [width, height] of HEADER_SIZES) {
      await page.setViewportSize({ width, height });
      await page.goto(`/?preset=article&step=${DNAT}&lang=${lang}`);
      await expect(page.locator('[data-id="panel-rules"]')).toBeVisible();
      const boxes = () =>
        Promise.all(['iptables', 'IPVS', 'nftables'].map((name) => modes(page).getByRole('button', { name, exact: true }).boundingBox()));
      const before = await boxes();
      for (const name of ['IPVS', 'nftables', 'iptables']) {
        await modes(page).getByRole('button', { name, exact: true }).click();
        await expect(modes(page).getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', 'true');
        expect(await boxes(), `${width}x${height}, after ${name}`).toEqual(before);
      }
    }
    expect(errors).toEqual([]);
  });

test('a phone steps through nftables mode read-only; the dark theme draws the panel', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/?preset=article&mode=nftables&step=${DNAT}&lang=zh`);
  await expect(page.locator('svg[data-id="cluster-view"]')).toBeVisible();
  await page.screenshot({ path: join(screenshots, 'nftables-phone-zh-dnat.png') });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/?preset=article&mode=nftables&step=${DNAT}&lang=en&theme=dark`);
  await nftPanel(page).locator('[data-id="nft-listing"] summary').click();
  await expect(nftPanel(page).locator('mark[data-mark="decided"]')).toHaveText(/dnat to 10\.244\.2\.3:8080/);
  await shootPanel(page, 'nftables-panel-en-dnat-dark.png');
  expect(errors).toEqual([]);
});
