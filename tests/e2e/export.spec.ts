import { expect, test, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { readGifBlocks } from './gif-blocks';
import { PNG } from './png';
import { serveDist } from './serve-dist';
import { viewTransform } from './view-transform';
import { watchErrors } from './watch-errors';

// Export for slides (issue 11): the share menu's Download SVG, PNG and GIF, checked by reading
// the files the page saves: the GIF block by block and through the browser's own decoder.
const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

const PODS = ['pod1', 'pod2', 'pod3', 'pod4'];

async function openShare(page: Page) {
  const toggle = page.getByRole('button', { name: /^(Share|分享)$/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** Clicks the button whose name starts with `name` and returns the file it saved. */
async function download(page: Page, name: RegExp, timeout = 60_000): Promise<{ name: string; bytes: Buffer }> {
  await openShare(page);
  const [file] = await Promise.all([page.waitForEvent('download', { timeout }), page.getByRole('button', { name }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** A PNG's size, from its IHDR chunk. */
const pngSize = (png: Buffer) => ({
  signature: png.subarray(1, 4).toString('latin1'),
  width: png.readUInt32BE(16),
  height: png.readUInt32BE(20),
});

/** Parses an SVG in the page: whether it is well-formed, its size, and its text. */
const readSvg = (page: Page, svg: Buffer) =>
  page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      xmlns: root.namespaceURI,
      size: [root.getAttribute('width'), root.getAttribute('height'), root.getAttribute('viewBox')],
      texts: [...doc.getElementsByTagName('text')].map((t) => t.textContent ?? ''),
      pageOnly: /var\(--|\sclass=|\sstyle=/.test(text),
    };
  }, svg.toString('utf8'));

/**
 * Decodes a GIF with the browser's ImageDecoder (WebCodecs) and draws each frame in the page:
 * returns the frame count and size, and saves each frame as a PNG to look at.
 */
async function decodeGif(page: Page, gif: Buffer, save: string) {
  const frames = await page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const decoder = new ImageDecoder({ data, type: 'image/gif' });
    await decoder.tracks.ready;
    const out: { width: number; height: number; png: string; corners: number[][] }[] = [];
    for (let i = 0; i < decoder.tracks.selectedTrack!.frameCount; i++) {
      const { image } = await decoder.decode({ frameIndex: i });
      const canvas = new OffscreenCanvas(image.displayWidth, image.displayHeight);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const [w, h] = [image.displayWidth, image.displayHeight];
      const corners = [
        [2, 2],
        [w - 3, 2],
        [2, h - 3],
        [w - 3, h - 3],
      ].map(([x, y]) => [...context.getImageData(x!, y!, 1, 1).data.slice(0, 3)]);
      const png = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
      out.push({
        width: image.displayWidth,
        height: image.displayHeight,
        corners,
        png: btoa(Array.from(png, (b) => String.fromCharCode(b)).join('')),
      });
    }
    return out;
  }, gif.toString('base64'));
  frames.forEach((f, i) => writeFileSync(join(screenshots, `${save}-frame-${i + 1}.png`), Buffer.from(f.png, 'base64')));
  return frames.map(({ width, height, corners }) => ({ width, height, corners }));
}

/**
 * Draws a saved SVG in the page at the cluster view's size, over the view, and compares it with
 * the view as painted (zoom buttons hidden): the share of pixels that differ. Saves both and the diff.
 */
async function differsFromScreen(page: Page, svg: Buffer, save: string): Promise<number> {
  const frame = page.locator('[data-id="cluster-view-frame"]');
  const share = page.getByRole('button', { name: /^(Share|分享)$/ });
  if ((await share.getAttribute('aria-expanded')) === 'true') await share.click();
  await expect(page.getByRole('button', { name: /^Download SVG/ })).toBeHidden();
  await page.addStyleTag({ content: '.cluster-zoom { visibility: hidden }' });
  const onScreen = PNG.sync.read(await frame.screenshot({ animations: 'disabled' }));
  await frame.evaluate(async (f, b64) => {
    const img = new Image(f.clientWidth, f.clientHeight);
    img.src = `data:image/svg+xml;base64,${b64}`;
    Object.assign(img.style, { position: 'absolute', inset: '0', zIndex: '10' });
    await img.decode();
    f.append(img);
  }, svg.toString('base64'));
  const saved = PNG.sync.read(await frame.screenshot({ animations: 'disabled' }));
  const { width, height } = onScreen;
  const diff = new PNG({ width, height });
  const differing = pixelmatch(onScreen.data, saved.data, diff.data, width, height, { threshold: 0.1, includeAA: false });
  for (const [name, png] of [
    ['screen', onScreen],
    ['saved', saved],
    ['diff', diff],
  ] as const)
    writeFileSync(join(screenshots, `${save}-${name}.png`), PNG.sync.write(png));
  await frame.evaluate((f) => f.querySelector(':scope > img')?.remove());
  return differing / (width * height);
}

test.describe('export for slides', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the article figure: Download SVG, PNG at 2x and the figure’s GIF, one frame per picture, at 1012x702', async ({ page }) => {
    test.setTimeout(90_000);
    const errors = watchErrors(page);
    await page.goto('/?preset=article&view=classic&figure=pod-to-service&step=4&lang=en');
    await expect(page.locator('svg[data-id="classic-view"]')).toBeVisible();

    const svg = await download(page, /^Download SVG/);
    expect(svg.name).toBe('packetwalk-article-pod-to-service-4.svg');
    const parsed = await readSvg(page, svg.bytes);
    expect(parsed).toMatchObject({
      errors: 0,
      xmlns: 'http://www.w3.org/2000/svg',
      size: ['1012', '702', '0 0 1012 702'],
      pageOnly: false,
    });
    for (const pod of ['pod1', 'pod2']) expect(parsed.texts.join(' ')).toContain(pod);
    expect(parsed.texts).toContain('iptables');

    const png = await download(page, /^Download PNG/);
    expect(png.name).toBe('packetwalk-article-pod-to-service-4.png');
    expect(pngSize(png.bytes)).toEqual({ signature: 'PNG', width: 2024, height: 1404 });
    writeFileSync(join(screenshots, 'export-classic-2x.png'), png.bytes);

    const gif = await download(page, /^Download GIF/);
    expect(gif.name).toBe('packetwalk-article-pod-to-service.gif');
    const blocks = readGifBlocks(gif.bytes);
    expect(blocks).toMatchObject({ version: 'GIF89a', width: 1012, height: 702, loops: 0 });
    expect(blocks.frames).toEqual(Array.from({ length: 5 }, () => ({ width: 1012, height: 702, delayMs: 1000 })));
    expect(await decodeGif(page, gif.bytes, 'export-pod-to-service')).toHaveLength(5);
    await expect(page.getByRole('status').filter({ hasText: 'Saved packetwalk-article-pod-to-service.gif.' })).toBeVisible();
    // The figure on screen did not move while the GIF was drawn.
    await expect(page.locator('svg[data-id="classic-view"]')).toHaveAttribute('data-n', '4');
    expect(await page.locator('[data-id="export-offscreen"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('the Service-to-Pod figure’s GIF has its four pictures, in Chinese too', async ({ page }) => {
    await page.goto('/?preset=article&view=classic&figure=service-to-pod&step=2&lang=zh');
    await expect(page.locator('svg[data-id="classic-view"]')).toBeVisible();
    const gif = await download(page, /^下载 GIF/);
    expect(gif.name).toBe('packetwalk-article-service-to-pod.gif');
    const blocks = readGifBlocks(gif.bytes);
    expect([blocks.width, blocks.height, blocks.frames.length]).toEqual([1012, 702, 4]);
    await decodeGif(page, gif.bytes, 'export-service-to-pod-zh');
  });

  test('the cluster view: its SVG has the pod names at the view’s size; a GIF of a chosen step range; Cancel', async ({ page }) => {
    test.setTimeout(90_000);
    const errors = watchErrors(page);
    await page.goto('/?preset=article&view=cluster&step=4&lang=en');
    await expect(page.locator('[data-id="packet"]')).toBeAttached();
    const frame = await page.locator('[data-id="cluster-view-frame"]').evaluate((f) => [f.clientWidth, f.clientHeight]);
    // Zoomed in and panned: the file shows what is in sight, not the canvas from its corner.
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await expect.poll(() => viewTransform(page)).toMatch(/scale\(1\.[1-9]/);

    const svg = await download(page, /^Download SVG/);
    expect(svg.name).toBe('packetwalk-article-step-4.svg');
    const parsed = await readSvg(page, svg.bytes);
    expect(parsed).toMatchObject({ errors: 0, xmlns: 'http://www.w3.org/2000/svg' });
    expect(parsed.size.slice(0, 2)).toEqual([`${frame[0]}`, `${frame[1]}`]);
    expect(parsed.pageOnly).toBe(false);
    for (const pod of PODS) expect(parsed.texts).toContain(pod);
    const differing = await differsFromScreen(page, svg.bytes, 'export-cluster-zoomed');
    expect(differing, 'the saved SVG, drawn at the view’s size, against the view on screen').toBeLessThan(0.01);

    const png = await download(page, /^Download PNG/);
    expect(pngSize(png.bytes)).toEqual({ signature: 'PNG', width: 2 * frame[0]!, height: 2 * frame[1]! });
    writeFileSync(join(screenshots, 'export-cluster-2x.png'), png.bytes);

    const transform = await viewTransform(page);
    await page.getByRole('spinbutton', { name: 'From step' }).fill('3');
    await page.getByRole('spinbutton', { name: 'to step' }).fill('6');
    const gif = await download(page, /^Download GIF/);
    expect(gif.name).toBe('packetwalk-article-steps-3-6.gif');
    const blocks = readGifBlocks(gif.bytes);
    expect([blocks.version, blocks.width, blocks.height, blocks.frames.length]).toEqual(['GIF89a', frame[0], frame[1], 4]);
    // Zoomed in: each frame is the view in sight, its background painted to every corner (a bare strip is black in a GIF).
    for (const { corners } of await decodeGif(page, gif.bytes, 'export-cluster-steps')) {
      for (const rgb of corners) expect(Math.max(...rgb), `corner ${rgb.join(',')}`).toBeGreaterThan(128);
    }
    // What the person sees stayed put: the step and the pan and zoom.
    await expect(page.locator('[data-id="step-position"]')).toContainText('Step 4 of');
    expect(await viewTransform(page)).toBe(transform);

    // The whole trace, cancelled: nothing is saved and the line says so.
    await page.getByRole('spinbutton', { name: 'From step' }).fill('1');
    await page.getByRole('spinbutton', { name: 'to step' }).fill('45');
    let saved = false;
    page.on('download', () => (saved = true));
    await page.getByRole('button', { name: /^Download GIF/ }).click();
    await expect(page.getByRole('progressbar', { name: 'GIF progress' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The GIF was cancelled; nothing was saved.' })).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    expect(saved).toBe(false);
    expect(await page.locator('[data-id="export-offscreen"]').count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'export-share-menu.png') });
    expect(errors).toEqual([]);
  });

  test('runs under the Content-Security-Policy the README gives hosts (images from data:, the encoder a worker from self)', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const policy = readFileSync(new URL('../../deploy/content-security-policy.txt', import.meta.url), 'utf8').trim();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    await serveDist(page, { headers: { 'content-security-policy': policy } });
    await page.goto('/?preset=article&view=classic&figure=pod-to-service&step=1&lang=en');
    await expect(page.locator('svg[data-id="classic-view"]')).toBeVisible();
    expect(pngSize((await download(page, /^Download PNG/)).bytes).width).toBe(2024);
    expect(readGifBlocks((await download(page, /^Download GIF/)).bytes).frames).toHaveLength(5);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  });

  test('works in the single offline file: the GIF encoder’s worker is inside it', async ({ page, context }) => {
    test.setTimeout(60_000);
    const file = fileURLToPath(new URL('../../dist-single/index.html', import.meta.url));
    if (!existsSync(file)) throw new Error('dist-single/index.html is missing: run npm run build:single first');
    await context.setOffline(true);
    const errors = watchErrors(page);
    await page.goto(`file://${file}?preset=article&view=classic&figure=pod-to-service&step=2&lang=en`);
    await expect(page.locator('svg[data-id="classic-view"]')).toBeVisible();
    const blocks = readGifBlocks((await download(page, /^Download GIF/)).bytes);
    expect([blocks.width, blocks.height, blocks.frames.length]).toEqual([1012, 702, 5]);
    expect(pngSize((await download(page, /^Download PNG/)).bytes).height).toBe(1404);
    expect(errors).toEqual([]);
  });
});
