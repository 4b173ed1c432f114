import { expect, test, type Page, type Route } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serveDist } from './serve-dist';
import { viewTransform } from './view-transform';
import { watchErrors } from './watch-errors';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

/**
 * The parts loaded on demand, each known by a string only its code holds (a data-id
 * it renders, or zod's and lz-string's names for the scenario reader), not by a
 * chunk's hashed file name.
 */
const PARTS = {
  editor: 'editor-add-pod',
  share: 'share-upload',
  ipvs: 'ipvs-change',
  classic: 'classic-card',
  reader: 'ZodError',
  // The other kube-proxy modes' engines (src/dataplane/mode-engines.ts): the nftables table's
  // comment, and an ipset only IPVS mode's kube-proxy writes.
  nftablesEngine: 'rules for kube-proxy',
  ipvsEngine: 'KUBE-LOOP-BACK',
  // Control-plane events' engine (src/trace/cluster-events.ts): the error an event that cannot apply throws.
  clusterEvents: 'invalid event: ',
} as const;
type Part = keyof typeof PARTS;

/** The parts whose code the page has fetched so far, by marker: a response is read after it arrives, so poll for what should come. */
function watchParts(page: Page): Set<Part> {
  const fetched = new Set<Part>();
  page.on('response', async (response) => {
    if (!new URL(response.url()).pathname.endsWith('.js')) return;
    const text = await response.text().catch(() => '');
    for (const [part, marker] of Object.entries(PARTS)) if (text.includes(marker)) fetched.add(part as Part);
  });
  return fetched;
}

// Strings, not functions, so that the page runs them as written. The first frame is the
// animation frame after the cluster view's <svg> is in the DOM (as bench:load counts it);
// every layout shift is kept with its time, and whether a loading line was ever shown.
const PROBE = `
  window.__shifts = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push({ t: e.startTime, v: e.value, input: e.hadRecentInput }); })
    .observe({ type: 'layout-shift', buffered: true });
  window.__sawLoading = false;
  window.__firstFrame = new Promise((resolve) => {
    const seen = () => {
      if (document.querySelector('[data-id^="loading-"]')) window.__sawLoading = true;
      if (window.__frame !== undefined || !document.querySelector('svg[data-id="cluster-view"], [data-id="classic-card"]')) return;
      window.__frame = null;
      requestAnimationFrame(() => resolve((window.__frame = performance.now())));
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  });
  // When the page's code takes over the root (app/prerender/keep-prerendered.ts), all it loaded to open is in.
  window.__pageStarted = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const root = document.getElementById('root');
      if (!root || root.hasAttribute('data-prerendered')) return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-prerendered'] });
  });`;

const NARRATION = '[data-id="narration"] .pw-narration-text';

/** The goal of issue 10 for the JavaScript a first load fetches to open its page, gzip. */
const FIRST_LOAD_JS_KB = 200;
/** The prerendered first frame needs no more than the small script in <head> that opens it. */
const FIRST_FRAME_JS_KB = 5;

/** Every script the page fetches, by path, to weigh them as bench:load does. */
function watchScripts(page: Page): Map<string, Buffer> {
  const bodies = new Map<string, Buffer>();
  page.on('response', async (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith('.js')) bodies.set(path, await response.body().catch(() => Buffer.alloc(0)));
  });
  return bodies;
}

/** KB gzip of the scripts the page requested before `frame` (ms from navigation start). */
async function scriptKbBefore(page: Page, bodies: ReadonlyMap<string, Buffer>, frame: number): Promise<number> {
  const paths = (await page.evaluate(
    `performance.getEntriesByType('resource').map((e) => ({ path: new URL(e.name).pathname, start: e.startTime }))`,
  )) as { path: string; start: number }[];
  const early = paths.filter((p) => p.path.endsWith('.js') && p.start < frame).map((p) => p.path);
  return early.reduce((sum, path) => sum + gzipSync(bodies.get(path) ?? Buffer.alloc(0)).length, 0) / 1024;
}

/** The layout shift (not caused by input) from `since` on, once fonts and the network are done. */
async function shiftSince(page: Page, since: number): Promise<number> {
  await page.waitForLoadState('networkidle');
  await page.evaluate('document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))');
  const shifts = (await page.evaluate('window.__shifts')) as { t: number; v: number; input: boolean }[];
  return shifts.filter((s) => s.t >= since && !s.input).reduce((sum, s) => sum + s.v, 0);
}

/** Holds back the chunk holding `marker` until `release` resolves (or fails it when `fail` says so). */
function holdChunk(page: Page, marker: string, options: { release?: Promise<void>; fail?: () => boolean }) {
  return page.route('**/assets/*.js', async (route: Route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (!body.includes(marker)) return route.fulfill({ response });
    if (options.fail?.()) return route.abort('connectionfailed');
    await options.release;
    return route.fulfill({ response, body });
  });
}

test('the first load of ?preset=article fetches no editor, share, IPVS, figure or scenario reader code, nor the IPVS, nftables or cluster events engine, at most 200 KB gzip of JavaScript to open (its prerendered first frame only the small script that opens it), and nothing moves after it', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const fetched = watchParts(page);
  const scripts = watchScripts(page);
  await page.addInitScript(PROBE);
  await page.goto('/?preset=article&view=cluster&lang=en');
  const frame = (await page.evaluate('window.__firstFrame')) as number;
  await expect(page.locator('svg[data-id="cluster-view"]')).toBeVisible();
  expect(await shiftSince(page, frame)).toBe(0);
  expect([...fetched]).toEqual([]);
  expect(await scriptKbBefore(page, scripts, frame)).toBeLessThanOrEqual(FIRST_FRAME_JS_KB);
  const started = (await page.evaluate('window.__pageStarted')) as number;
  expect(started).toBeGreaterThan(frame);
  expect(await scriptKbBefore(page, scripts, started)).toBeLessThanOrEqual(FIRST_LOAD_JS_KB);
  expect(await page.evaluate('window.__sawLoading')).toBe(false);
  expect(errors).toEqual([]);
});

test('the editor, the share menu and IPVS mode fetch their code when opened, and work', async ({ page }) => {
  const errors = watchErrors(page);
  const fetched = watchParts(page);
  await page.goto('/?preset=article&view=cluster&lang=en');
  await expect(page.locator('svg[data-id="cluster-view"]')).toBeVisible();

  // By keyboard: the editor's tab keeps the focus while its code loads.
  await page.getByRole('tab', { name: 'Step details' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Edit scenario' })).toBeFocused();
  await expect(page.getByRole('button', { name: /add pod/i }).first()).toBeVisible();
  await expect.poll(() => [...fetched]).toContain('editor');
  await expect.poll(() => [...fetched]).toContain('reader');

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page.locator('input[data-id="share-upload"]')).toBeAttached();
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect.poll(() => [...fetched]).toContain('share');
  await page.keyboard.press('Escape');

  // The IPVS tables are among the step's details.
  await page.getByRole('tab', { name: 'Step details' }).click();
  expect(fetched.has('ipvs')).toBe(false);
  await page.getByRole('group', { name: 'kube-proxy mode' }).getByRole('button', { name: 'IPVS' }).click();
  await expect(page.locator('[data-id="panel-ipvs"]')).toBeVisible();
  await expect.poll(() => [...fetched]).toContain('ipvs');
  await expect.poll(() => [...fetched]).toContain('ipvsEngine');
  expect(fetched.has('nftablesEngine')).toBe(false);
  expect(new URL(page.url()).searchParams.get('mode')).toBe('ipvs');
  expect(errors).toEqual([]);
});

for (const [url, part] of [
  ['/?preset=article&view=classic&lang=en', 'classic'],
  ['/?preset=article&mode=ipvs&view=cluster&lang=en', 'ipvs'],
  ['/?preset=article&mode=nftables&view=cluster&lang=en', 'nftablesEngine'],
  ['/?preset=pod-churn&view=cluster&step=76&lang=en', 'clusterEvents'],
] as const) {
  test(`${url} loads what it opens before its first frame: no loading line, nothing moves`, async ({ page }) => {
    const errors = watchErrors(page);
    const fetched = watchParts(page);
    await page.addInitScript(PROBE);
    await page.goto(url);
    const frame = (await page.evaluate('window.__firstFrame')) as number;
    if (part === 'ipvs') await expect(page.locator('[data-id="panel-ipvs"]')).toBeVisible();
    else if (part === 'nftablesEngine') await expect(page.locator('[data-id="panel-nftables"]')).toBeVisible();
    // pod4's deletion, the API server's step, told with the sentence that comes with the events' engine.
    else if (part === 'clusterEvents') await expect(page.locator(NARRATION)).toContainText('pod4 (10.244.2.3, on vm2) is deleted');
    else await expect(page.locator('[data-id="classic-card"]').first()).toBeVisible();
    expect(await shiftSince(page, frame)).toBe(0);
    expect(await page.evaluate('window.__sawLoading')).toBe(false);
    expect(fetched).toContain(part);
    expect(fetched.has('editor')).toBe(false);
    expect(errors).toEqual([]);
  });
}

for (const { width, height, lang } of [
  { width: 1024, height: 768, lang: 'en' },
  { width: 1440, height: 900, lang: 'zh' },
] as const) {
  test(`a slow editor chunk holds its place with a loading line at ${width}x${height} (${lang}), and nothing moves when it arrives`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const errors = watchErrors(page);
    let release!: () => void;
    await holdChunk(page, PARTS.editor, { release: new Promise<void>((r) => (release = r)) });
    await page.addInitScript(PROBE);
    await page.goto(`/?preset=article&view=cluster&lang=${lang}`);
    await expect(page.locator('svg[data-id="cluster-view"]')).toBeVisible();
    await page.locator('[data-id="side-tab-editor"]').click();
    const loading = page.getByRole('status').filter({ hasText: lang === 'en' ? 'Loading the scenario editor…' : '正在加载场景编辑器…' });
    await expect(loading).toBeVisible();
    // The loading line fills the tab's panel, as the editor will.
    const panel = page.getByRole('tabpanel');
    const before = await panel.boundingBox();
    await page.screenshot({ path: join(screenshots, `first-load-editor-loading-${width}x${height}-${lang}.png`) });
    const since = (await page.evaluate('performance.now()')) as number;
    release();
    await expect(loading).toHaveCount(0);
    await expect(page.locator('[data-id="editor-add-pod"]')).toBeVisible();
    expect(await panel.boundingBox()).toEqual(before);
    expect(await shiftSince(page, since)).toBe(0);
    await page.screenshot({ path: join(screenshots, `first-load-editor-loaded-${width}x${height}-${lang}.png`) });
    expect(errors).toEqual([]);
  });
}

test('a share menu whose code cannot be fetched says so with Try again, and opens on retry', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  // Every fetch of the menu's code fails until the connection is back (a prefetch on hover may make the first one).
  let offline = true;
  await holdChunk(page, PARTS.share, { fail: () => offline });
  await page.goto('/?preset=article&view=cluster&lang=en');
  // This URL is the default page's: its prerendered buttons answer once React has hydrated them
  // (the root loses data-prerendered as hydration starts; React replays clicks from then on).
  await expect(page.locator('#root[data-prerendered]')).toHaveCount(0);
  // That is when hydration starts, not when it ends: a click while it runs can be lost (a known limit,
  // not what this test is about). React marks the elements it has hydrated: wait for the Share button's mark.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('button')].some(
      (b) => b.textContent === 'Share' && Object.keys(b).some((k) => k.startsWith('__reactProps$')),
    ),
  );
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const failed = page.getByRole('alert').filter({ hasText: 'The share menu could not be loaded' });
  await expect(failed).toHaveText(/Check the connection, then try again\./);
  await page.screenshot({ path: join(screenshots, 'first-load-share-failed-1024x768-en.png') });
  offline = false;
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect(failed).toHaveCount(0);
});

// The default page (no query) is prerendered into index.html at build time (scripts/prerender-first-frame.ts).
// At every animation frame (each paint follows one): whether the prerendered markup is on screen, then,
// in a task right after that frame's other callbacks and its paint, the cluster view's transform as
// painted; and each <svg> seen, to tell a hydrated page from one rendered anew.
const PRERENDER_PROBE = `
  window.__shown = [];
  window.__svgs = [];
  const frame = () => {
    const root = document.getElementById('root');
    const svg = document.querySelector('svg[data-id="cluster-view"]');
    if (svg && !window.__svgs.includes(svg)) window.__svgs.push(svg);
    if (root && root.hasAttribute('data-prerendered') && root.firstElementChild && getComputedStyle(root).display !== 'none') {
      const painted = new MessageChannel();
      painted.port1.onmessage = () => window.__shown.push(svg ? svg.style.transform : 'partial');
      painted.port2.postMessage(0);
    }
    if (performance.now() < 15000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);`;

const POLICY = readFileSync(new URL('../../deploy/content-security-policy.txt', import.meta.url), 'utf8').trim();

for (const { width, height } of [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
]) {
  test(`the default page's cluster view is in the HTML: it shows with JavaScript off at ${width}x${height}`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height } });
    const page = await context.newPage();
    const response = await page.goto('/');
    expect(await response?.text()).toContain('data-id="cluster-view"');
    await expect(page.locator('svg[data-id="cluster-view"]')).toBeVisible();
    await expect(page.locator('svg[data-id="cluster-view"] text').filter({ hasText: 'pod1' }).first()).toBeVisible();
    await expect(page.locator('[data-id="step-position"]')).toContainText('Step 1 of 45');
    await page.screenshot({ path: join(screenshots, `first-load-prerendered-nojs-${width}x${height}.png`) });
    await context.close();
  });

  test(`the default page hydrates its prerendered first frame at ${width}x${height}: the same svg, placed before the first paint, nothing moves, no error`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const errors = watchErrors(page);
    const warnings: string[] = [];
    // (The test configuration blocks the service worker, and the browser says so.)
    page.on('console', (m) => void (m.type() === 'warning' && !/blocked by Playwright/.test(m.text()) && warnings.push(m.text())));
    await page.addInitScript(PROBE);
    await page.addInitScript(PRERENDER_PROBE);
    await page.goto('/');
    const frame = (await page.evaluate('window.__firstFrame')) as number;
    await expect(page.locator('[data-id="step-position"]')).toContainText('Step 1 of 45');
    expect(await shiftSince(page, frame)).toBe(0);
    // Hydrated, not rendered anew: one svg element all along, and it answers the keyboard.
    expect(await page.evaluate('window.__svgs.length')).toBe(1);
    const shown = (await page.evaluate('window.__shown')) as string[];
    expect(shown.length).toBeGreaterThan(0);
    // The view was opened on the window before its first paint, where the page's code keeps it.
    const now = await viewTransform(page);
    expect(shown[0]).toBe(now);
    expect(now).toMatch(/^translate\(.*\) scale\(.*\)$/);
    expect(now).not.toBe('translate(0px, 0px) scale(1)');
    await page.screenshot({ path: join(screenshots, `first-load-prerendered-${width}x${height}.png`) });
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('[data-id="step-position"]')).toContainText('Step 2 of 45');
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });
}

for (const { url, check } of [
  { url: '/?preset=scale&step=3', check: 'Step 3 of' },
  { url: '/?lang=zh', check: '第 1 步' },
  { url: '/?preset=article&step=5&lang=en', check: 'Step 5 of 45' },
  { url: '/?theme=dark', check: 'Step 1 of 45' },
]) {
  test(`${url} never shows the prerendered default page: its own first frame only`, async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    const errors = watchErrors(page);
    await page.addInitScript(PROBE);
    await page.addInitScript(PRERENDER_PROBE);
    await page.goto(url);
    const frame = (await page.evaluate('window.__firstFrame')) as number;
    await expect(page.locator('[data-id="step-position"]')).toContainText(check);
    expect(await page.evaluate('window.__shown')).toEqual([]);
    expect(await shiftSince(page, frame)).toBe(0);
    expect(errors).toEqual([]);
  });
}

test('the hydrated default page keeps its layout under the Content-Security-Policy the README gives (no inline styles)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const violations: string[] = [];
  page.on('console', (m) => void (/Content.Security.Policy/i.test(m.text()) && violations.push(m.text())));
  await serveDist(page, { headers: { 'content-security-policy': POLICY } });
  await page.addInitScript(PROBE);
  await page.addInitScript(PRERENDER_PROBE);
  await page.goto('/');
  const frame = (await page.evaluate('window.__firstFrame')) as number;
  await expect(page.locator('[data-id="step-position"]')).toContainText('Step 1 of 45');
  expect(await page.evaluate('window.__svgs.length')).toBe(1);
  // The style attributes of the markup, which the policy does not apply from HTML, are set through the CSSOM.
  const frameStyle = await page.locator('[data-id="cluster-view-frame"]').evaluate((el) => getComputedStyle(el).position);
  expect(frameStyle).toBe('relative');
  const runs = await page.locator('.pw-tick-run').evaluateAll((els) => els.map((el) => getComputedStyle(el).flexGrow));
  expect(runs.every((g) => Number(g) > 0)).toBe(true);
  expect(await shiftSince(page, frame)).toBe(0);
  expect(violations).toEqual([]);
});

test('buttons clicked and keys pressed on the painted page before its code has run act, in order, once it runs', async ({ page }) => {
  const errors = watchErrors(page);
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/index-*.js', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/?preset=article&view=cluster&lang=en', { waitUntil: 'domcontentloaded' });
  const counter = page.locator('[data-id="counter"] .pw-counter-value');
  await expect(counter).toHaveText('1 / 45');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.locator('body').press('ArrowRight');
  await page.getByRole('group', { name: 'kube-proxy mode' }).getByRole('button', { name: 'IPVS' }).click();
  // A key on a control is that control's: → on the side pane's first tab moves to the next tab, not a step.
  await page.getByRole('tab', { name: 'Step details' }).focus();
  await page.keyboard.press('ArrowRight');
  // Nothing happens while the code is held back: the page is the prerendered markup.
  await expect(counter).toHaveText('1 / 45');
  release();
  await expect(page.getByRole('tab', { name: 'Edit scenario' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Edit scenario' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('group', { name: 'kube-proxy mode' }).getByRole('button', { name: 'IPVS' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect.poll(() => new URL(page.url()).searchParams.get('mode')).toBe('ipvs');
  // The step forward and the → came first: IPVS mode keeps the packet where they took it (step 3, cbr0 to PREROUTING).
  await expect(page.locator('[data-id="step-position"]')).toContainText('Step 3 of 50 · SYN · vm1/cbr0 → vm1/PREROUTING');
  expect(errors).toEqual([]);
});
