import { chromium } from '@playwright/test';
const base = 'http://localhost:4198';
const url = base + '/?preset=article&view=cluster&lang=en';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const probe = `window.__firstFrame = new Promise((resolve) => {
  const shown = () => { const el = document.querySelector('svg[data-id="cluster-view"]'); if (el.checkVisibility()) resolve(performance.now()); else requestAnimationFrame(shown); };
  const observer = new MutationObserver(() => { if (!document.querySelector('svg[data-id="cluster-view"]')) return; observer.disconnect(); requestAnimationFrame(shown); });
  observer.observe(document, { childList: true, subtree: true });
});`;
async function load(variant) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (variant === 'ascii') await page.route(url, async (route) => { const r = await route.fetch(); let b = await r.text(); b = b.replace(/[^\x00-\x7f]/g, '#'); await route.fulfill({ response: r, body: b }); });
  else await page.route(url, async (route) => { const r = await route.fetch(); await route.fulfill({ response: r, body: await r.text() }); });
  await page.addInitScript(probe);
  await page.goto(url, { waitUntil: 'commit' });
  const t = await page.evaluate('window.__firstFrame');
  await context.close();
  return t;
}
const res = { asis: [], ascii: [] };
for (let i = 0; i < 8; i++) for (const v of ['asis', 'ascii']) res[v].push(Math.round(await load(v)));
for (const [k, v] of Object.entries(res)) console.log(k, v.sort((a, b) => a - b).join(' '));
await browser.close();
