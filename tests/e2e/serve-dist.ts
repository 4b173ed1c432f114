import type { Page } from '@playwright/test';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

export interface ServeDistOptions {
  /** The folder the site is hosted in, with its slashes ("/courses/k8s/packetwalk/"). */
  readonly folder?: string;
  /** Headers sent with every file (a Content-Security-Policy, say). */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Answers every request of the page from the built site (dist/), as a host
 * would serve it: under `folder`, with `headers`. A request outside the folder
 * gets a 404 and is listed in the array returned, so an asset, chunk, worker
 * or link that points at the site's root shows up.
 */
export async function serveDist(page: Page, { folder = '/', headers = {} }: ServeDistOptions = {}): Promise<string[]> {
  const outside: string[] = [];
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (!url.pathname.startsWith(folder)) {
      outside.push(url.pathname);
      return route.fulfill({ status: 404, body: 'not here' });
    }
    const file = normalize(join(dist, url.pathname.slice(folder.length) || 'index.html'));
    if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) return route.fulfill({ status: 404, body: 'not found' });
    const contentType = TYPES[extname(file)] ?? 'application/octet-stream';
    return route.fulfill({ status: 200, headers: { ...headers, 'content-type': contentType }, body: readFileSync(file) });
  });
  return outside;
}
