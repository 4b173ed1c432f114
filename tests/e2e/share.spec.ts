import { expect, test, type Browser, type Page } from '@playwright/test';
import LZString from 'lz-string';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRESETS } from '../../src/index';
import { pageStarted } from './page-started';
import { watchErrors } from './watch-errors';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

const article = PRESETS.article!;
const withCluster = (patch: object) => ({ ...article, cluster: { ...article.cluster, ...patch } });
const pack = (value: unknown) => LZString.compressToEncodedURIComponent(typeof value === 'string' ? value : JSON.stringify(value));
const params = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);
const panelText = (page: Page, name: string) => page.locator(`[data-id="panel-${name}"]`).innerText();

async function openShare(page: Page) {
  const toggle = page.getByRole('button', { name: /^(Share|分享)$/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

async function uploadFile(page: Page, name: string, contents: string | Buffer) {
  await openShare(page);
  await page.locator('input[data-id="share-upload"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
}

/** The scenario on screen, as the Download JSON button saves it. */
async function downloaded(page: Page): Promise<{ name: string; json: Record<string, unknown> }> {
  await openShare(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
  return {
    name: download.suggestedFilename(),
    json: JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>,
  };
}

/** A fresh browser: no cookies, no storage, nothing shared with the page that made the link. */
async function openFresh(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url);
  return { context, page, errors };
}

async function stepForward(page: Page, times: number) {
  const button = page.getByRole('button', { name: 'Step forward', exact: true });
  for (let i = 0; i < times; i++) await button.click();
}

test('an uploaded scenario, stepped, copied as a link, opens in a fresh browser at the same scenario and step', async ({
  page,
  browser,
  context,
}) => {
  const errors = watchErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?preset=article&view=cluster&step=1&lang=en');
  const mine = { ...PRESETS['three-replicas'], name: 'my three replicas', seed: 12345 };
  await uploadFile(page, 'mine.json', JSON.stringify(mine, null, 2));
  await expect(page.getByRole('status').filter({ hasText: 'Opened' })).toHaveText('Opened “my three replicas”.');
  await expect.poll(() => Object.keys(params(page))[0]).toBe('s');
  await stepForward(page, 5);
  await expect.poll(() => params(page).step).toBe('6');

  await openShare(page);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  expect(link.length).toBeLessThan(2000);
  const before = {
    narration: await panelText(page, 'narration'),
    rules: await panelText(page, 'rules'),
    packet: await panelText(page, 'packet'),
  };

  const fresh = await openFresh(browser, link);
  await expect.poll(() => panelText(fresh.page, 'narration')).toBe(before.narration);
  expect(params(fresh.page).step).toBe('6');
  expect(await panelText(fresh.page, 'rules')).toBe(before.rules);
  expect(await panelText(fresh.page, 'packet')).toBe(before.packet);
  await expect(fresh.page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('');
  await expect(fresh.page.getByRole('alert')).toHaveCount(0);
  const file = await downloaded(fresh.page);
  expect(file.name).toBe('packetwalk-my-three-replicas.json');
  expect(file.json).toMatchObject({ name: 'my three replicas', seed: 12345 });
  expect(fresh.errors).toEqual([]);
  await fresh.context.close();
  expect(errors).toEqual([]);
});

test('a scenario built in the editor, copied as a link, opens in a fresh browser at the same step', async ({ page, browser, context }) => {
  const errors = watchErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?preset=article&view=cluster&step=1&lang=en');
  await page.getByRole('tab', { name: 'Edit scenario' }).click();
  const addPod = page.getByRole('form', { name: 'Add pod' });
  await addPod.getByLabel('Name', { exact: true }).fill('pod9');
  await addPod.getByLabel('Labels').fill('app=web');
  await addPod.getByRole('button', { name: 'Add pod' }).click();
  await expect.poll(() => Object.keys(params(page))[0]).toBe('s');
  await stepForward(page, 3);
  await expect.poll(() => params(page).step).toBe('4');
  await openShare(page);
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  const mine = await downloaded(page);
  expect(JSON.stringify(mine.json)).toContain('"pod9"');
  // The open menu lies over the side column's tabs, as a menu does: Escape closes it first.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Share' })).toHaveAttribute('aria-expanded', 'false');
  await page.getByRole('tab', { name: 'Step details' }).click();
  const narration = await panelText(page, 'narration');

  const fresh = await openFresh(browser, link);
  await expect.poll(() => panelText(fresh.page, 'narration')).toBe(narration);
  expect(params(fresh.page).step).toBe('4');
  expect((await downloaded(fresh.page)).json).toEqual(mine.json);
  expect(fresh.errors).toEqual([]);
  await fresh.context.close();
  expect(errors).toEqual([]);
});

const HTML_NAME = '<img src=x onerror=alert(1)>';

/** Links a stranger could send: each gets an alert naming `s` and why, or (when valid) the page itself. */
const HOSTILE_LINKS: readonly (readonly [what: string, s: string, expected: RegExp | null])[] = [
  ['garbage', encodeURIComponent('%%%garbage<>"\''), /not valid compressed data/],
  ['truncated compression', pack(article).slice(0, 150), /not valid compressed data|not valid JSON/],
  // A server refuses a request line much longer than this (vite preview: 431); the 10 MB-ish case is below, through history.
  ['an over-long payload', 'A'.repeat(12_000), /12000 characters long; a link's scenario may have at most 8000/],
  ['compressed text that is not JSON', pack('{"schemaVersion":1,'), /not valid JSON/],
  ['a wrong schemaVersion', pack({ ...article, schemaVersion: 3 }), /schemaVersion: version 3 is not one this page reads/],
  [
    '__proto__ keys',
    pack(JSON.stringify(article).replace('{', '{"__proto__":{"polluted":"yes"},')),
    /__proto__: "__proto__" is not allowed as a key/,
  ],
  ['a constructor key', pack({ ...article, constructor: { prototype: { polluted: 'yes' } } }), /constructor/],
  ['HTML as a pod name', pack(withCluster({ pods: [{ name: HTML_NAME, node: 'vm1' }] })), /cluster\.pods\[0\]\.name: must be a DNS label/],
  ['an unknown node', pack(withCluster({ pods: [{ name: 'p', node: 'vm9' }] })), /cluster\.pods\[0\]\.node: no node named "vm9"/],
  [
    'duplicate pod names',
    pack(
      withCluster({
        pods: [
          { name: 'p', node: 'vm1' },
          { name: 'p', node: 'vm2' },
        ],
      }),
    ),
    /cluster\.pods\[1\]\.name: pod "p" is declared twice/,
  ],
  [
    'an IP outside its CIDR',
    pack(withCluster({ pods: [{ name: 'p', node: 'vm1', ip: '10.244.2.9' }] })),
    /cluster\.pods\[0\]\.ip: 10\.244\.2\.9 is outside/,
  ],
  ['HTML as the scenario name (valid: shown as text)', pack({ ...article, name: HTML_NAME }), null],
  [
    'a selector that matches nothing (valid: the Service REJECTs)',
    pack(withCluster({ services: [{ name: 'svc1', selector: { app: 'nobody' }, clusterIP: '10.96.0.10', ports: [{ port: 80 }] }] })),
    null,
  ],
];

for (const [what, s, expected] of HOSTILE_LINKS) {
  test(`a link with ${what} ${expected ? 'shows an alert naming "s"' : 'opens'}, never HTML, never a crash`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`/?s=${s}&view=list&lang=en`);
    if (expected) {
      const alert = page.locator('[data-id="url-alerts"] [data-param="s"]');
      await expect(alert).toContainText('URL parameter “s”');
      await expect(alert).toContainText(expected);
      await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('article');
    } else {
      await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('');
      await expect(page.locator('[data-id="url-alerts"]')).toHaveCount(0);
    }
    if (what === 'an unknown node') await page.screenshot({ path: join(screenshots, 'share-link-alert-en.png') });
    if (what.startsWith('a selector')) await expect(page.locator('[data-id="view-area"], .view-area')).toContainText('REJECT');
    await expect(page.locator('img, script:not([type="module"]):not([src])')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    await page.getByRole('button', { name: 'Step forward', exact: true }).click();
    await expect.poll(() => params(page).step).toBe('2');
    expect(errors).toEqual([]);
  });
}

test('the share menu in Chinese: copy falls back to a selected link when the clipboard is refused', async ({ page, context }) => {
  const errors = watchErrors(page);
  await context.clearPermissions();
  await page.goto('/?preset=session-affinity&view=cluster&step=3&lang=zh');
  // Headless Chromium refuses clipboard writes without the permission: the fallback shows.
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
  });
  await openShare(page);
  await page.getByRole('button', { name: '复制链接' }).click();
  const input = page.getByRole('textbox', { name: '此画面的链接' });
  await expect(input).toHaveValue(page.url());
  expect(await input.evaluate((el: HTMLInputElement) => el.selectionStart === 0 && el.selectionEnd === el.value.length)).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: 'Ctrl+C' })).toBeVisible();
  await page.screenshot({ path: join(screenshots, 'share-menu-zh.png') });
  expect(errors).toEqual([]);
});

test('a 1.5 MB link reached through Back is refused before decompressing, with an alert naming "s"', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?preset=hairpin&view=cluster&step=2&lang=en');
  await page.evaluate(() => {
    history.pushState(null, '', `?s=${'A'.repeat(1_500_000)}&view=cluster&step=2&lang=en`);
    dispatchEvent(new PopStateEvent('popstate'));
  });
  const alert = page.locator('[data-id="url-alerts"] [data-param="s"]');
  await expect(alert).toContainText('1500000 characters long');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('hairpin');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

/** Files a stranger could send: each lists what is wrong, and the page stays on what it showed. */
const HOSTILE_FILES: readonly (readonly [what: string, name: string, contents: string | Buffer, expected: RegExp])[] = [
  ['not JSON', 'notes.json', 'this is not JSON {', /is not valid JSON/],
  ['over 1 MB', 'big.json', Buffer.alloc(1024 * 1024 + 10, 0x20), /the file is 1\.0 MB; the limit is 1\.0 MB/],
  [
    'a wrong schemaVersion',
    'v3.json',
    JSON.stringify({ ...article, schemaVersion: 3 }),
    /schemaVersion: version 3 is not one this page reads/,
  ],
  [
    '__proto__ keys',
    'proto.json',
    JSON.stringify(article).replace('"labels":{', '"labels":{"__proto__":{"polluted":"yes"},'),
    /cluster\.pods\[0\]\.labels\.__proto__: "__proto__" is not allowed/,
  ],
  [
    'HTML as a pod name',
    'html.json',
    JSON.stringify(withCluster({ pods: [{ name: HTML_NAME, node: 'vm1' }] })),
    /cluster\.pods\[0\]\.name: must be a DNS label/,
  ],
  // Duplicate pod IPs are not caught by the engine yet (reported); duplicate cluster IPs are.
  [
    'duplicate cluster IPs',
    'ips.json',
    JSON.stringify(
      withCluster({
        services: [...article.cluster.services, { name: 'svc2', selector: { app: 'web' }, clusterIP: '10.96.0.10', ports: [{ port: 80 }] }],
      }),
    ),
    /cluster\.services\[1\]\.clusterIP: 10\.96\.0\.10 is already another Service's cluster IP/,
  ],
  [
    'duplicate pod names',
    'names.json',
    JSON.stringify(withCluster({ pods: [...article.cluster.pods, { name: 'pod1', node: 'vm2' }] })),
    /cluster\.pods\[4\]\.name: pod "pod1" is declared twice/,
  ],
  ['an unknown node', 'node.json', JSON.stringify(withCluster({ pods: [{ name: 'p', node: 'vm9' }] })), /no node named "vm9"/],
  ['HTML in the file name', '<img src=x onerror=alert(1)>.json', '[]', /Invalid input/],
];

test('hostile uploaded files each list what is wrong; nothing changes, nothing is HTML, no crash', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?preset=hairpin&view=cluster&step=3&lang=en');
  for (const [what, name, contents, expected] of HOSTILE_FILES) {
    await uploadFile(page, name, contents);
    const box = page.locator('[data-id="share-errors"]');
    await expect(box, what).toHaveAttribute('role', 'alert');
    await expect(box, what).toContainText(`“${name}” was not opened; nothing changed:`);
    await expect(box.locator('li').first(), what).toContainText(expected);
    await expect(page.locator('img, script:not([type="module"]):not([src])'), what).toHaveCount(0);
    expect(params(page), what).toMatchObject({ preset: 'hairpin', step: '3' });
  }
  await page.screenshot({ path: join(screenshots, 'share-upload-errors-en.png') });
  expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
  // A good file after all of them still opens.
  await uploadFile(page, 'good.json', JSON.stringify({ ...PRESETS['same-node'], name: 'fine' }));
  await expect(page.locator('[data-id="share-errors"]')).toHaveCount(0);
  await expect.poll(() => Object.keys(params(page))[0]).toBe('s');
  expect(errors).toEqual([]);
});

for (const lang of ['en', 'zh'] as const) {
  test(`embed=1 in ${lang === 'en' ? 'English' : 'Chinese'}: the topology, the controls and the narration, and a link to the full page`, async ({
    page,
    context,
  }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 760, height: 620 });
    await page.goto(`/?preset=article&view=cluster&step=4&lang=${lang}&embed=1`);
    await expect(page.locator('svg[data-id="cluster-view"]')).toBeVisible();
    await expect(page.locator('[data-id="panel-narration"]')).toBeVisible();
    await expect(page.locator('[data-id="controls"]')).toBeVisible();
    await expect(page.locator('header, [data-id="panel-rules"], [data-id="share-menu"]')).toHaveCount(0);
    await page.getByRole('button', { name: lang === 'en' ? 'Step forward' : '下一步', exact: true }).click();
    await expect.poll(() => params(page)).toMatchObject({ step: '5', embed: '1' });
    const link = page.getByRole('link', { name: lang === 'en' ? /Open in packetwalk/ : /在 packetwalk 中打开/ });
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener');
    expect(await link.getAttribute('href')).toBe(`/?preset=article&view=cluster&step=5&lang=${lang}`);
    await page.screenshot({ path: join(screenshots, `embed-${lang}.png`) });
    const [full] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await expect(full.locator('header')).toBeVisible();
    expect(params(full)).toMatchObject({ preset: 'article', step: '5' });
    expect(params(full).embed).toBeUndefined();
    await full.close();
    expect(errors).toEqual([]);
  });
}

test('embed=1 inside an iframe, with a custom scenario', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?preset=article');
  await pageStarted(page);
  const s = pack({ ...PRESETS['no-endpoints'], name: 'embedded' });
  await page.setContent(
    `<link rel="icon" href="data:,"><iframe title="packetwalk" src="/?s=${s}&view=cluster&step=3&lang=en&embed=1" width="720" height="560" style="border:1px solid #ccc"></iframe>`,
  );
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('svg[data-id="cluster-view"]')).toBeVisible();
  await expect(frame.locator('[data-id="panel-narration"]')).toBeVisible();
  await expect(frame.getByRole('link', { name: /Open in packetwalk/ })).toHaveAttribute(
    'href',
    /^\/\?s=[A-Za-z0-9+$-]+&view=cluster&step=3&lang=en$/,
  );
  await page.screenshot({ path: join(screenshots, 'embed-iframe-en.png') });
  expect(errors).toEqual([]);
});
