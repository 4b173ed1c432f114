import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchErrors } from './watch-errors';

// The hosted build keeps working when the classroom's network drops, after one visit online,
// and a new build reaches the next visit. A real HTTP server hosts a copy of dist/ in a
// folder; "the network drops" is that server closing, so nothing answers but the page's
// service worker.
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const FOLDER = '/class/packetwalk/';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

interface Host {
  readonly root: string;
  readonly url: string;
  close(): Promise<void>;
}

async function host(root: string, port = 0): Promise<Host> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(root, path.slice(FOLDER.length) || 'index.html'));
    if (!path.startsWith(FOLDER) || !file.startsWith(root)) return void res.writeHead(404).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: bound } = server.address() as AddressInfo;
  return {
    root,
    url: `http://127.0.0.1:${bound}${FOLDER}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Opens the page and waits until its service worker controls it, with every file cached. */
async function firstVisit(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('svg[data-id="cluster-view"]')).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
  });
  return page;
}

let root: string;
test.beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'packetwalk-offline-'));
  cpSync(dist, root, { recursive: true });
});
test.afterEach(() => rmSync(root, { recursive: true, force: true }));

test.describe('offline after the first visit', () => {
  test.use({ serviceWorkers: 'allow', viewport: { width: 1440, height: 900 } });

  test('with the host gone, another preset opens, steps, changes language and view, and loads the editor', async ({ context }) => {
    const site = await host(root);
    const first = await firstVisit(context, `${site.url}?preset=article&lang=en`);
    await first.close();
    await site.close();

    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.url}?preset=hairpin&step=3&lang=en`);
    await expect(page.locator('[data-id="step-position"]')).toContainText('Step 3 of');
    await page.getByRole('button', { name: 'Step forward', exact: true }).click();
    await expect(page.locator('[data-id="step-position"]')).toContainText('Step 4 of');
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Pod');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('zh');
    // Parts that load on demand (the article figure, the editor) come from the cache too.
    await page.getByRole('button', { name: '文章插图' }).click();
    await expect(page.locator('[data-view="classic"]').first()).toBeVisible();
    await page.getByRole('tab', { name: '编辑场景' }).click();
    await expect(page.getByRole('tabpanel').getByRole('button').first()).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('a new build on the host is what the next visit shows', async ({ context }) => {
    const site = await host(root);
    const first = await firstVisit(context, `${site.url}?preset=article&lang=en`);
    await expect(first.locator('meta[name="packetwalk-build"]')).toHaveCount(0);
    await first.close();

    // "Deploy" a new build: another page, and a service worker whose precache list names it
    // with a new revision, as the next `npm run build` writes them.
    const index = join(root, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('<head>', '<head><meta name="packetwalk-build" content="next" />'));
    const sw = join(root, 'sw.js');
    const swText = readFileSync(sw, 'utf8');
    const revised = swText.replace(/(\{url:"index\.html",revision:")[0-9a-f]+"/, '$1next0000000000000000000000000000"');
    expect(revised).not.toBe(swText);
    writeFileSync(sw, revised);

    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.url}?preset=hairpin&step=2&lang=en`);
    // The new worker installs, takes over and the page reloads on its own URL: the new build, same frame.
    await expect(page.locator('meta[name="packetwalk-build"]')).toHaveCount(1, { timeout: 20_000 });
    await expect(page.locator('[data-id="step-position"]')).toContainText('Step 2 of');
    expect(new URL(page.url()).searchParams.get('preset')).toBe('hairpin');
    expect(errors).toEqual([]);
    await site.close();
  });
});
