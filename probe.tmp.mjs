import { chromium } from '@playwright/test';
const url = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (let i = 0; i < 4; i++) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.addInitScript(`
    window.__lt = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
    window.__raf = [];
    const tick = () => { window.__raf.push(Math.round(performance.now())); if (window.__raf.length < 30) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    document.addEventListener('DOMContentLoaded', () => window.__dcl = Math.round(performance.now()));
  `);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  const r = await page.evaluate(() => ({
    paint: performance.getEntriesByType('paint').map((e) => [e.name, Math.round(e.startTime)]),
    res: performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname.slice(-30), Math.round(e.startTime), Math.round(e.responseEnd)]),
    nav: (({ responseEnd, domInteractive, domContentLoadedEventEnd, loadEventEnd }) => ({ responseEnd: Math.round(responseEnd), domInteractive: Math.round(domInteractive), dcl: Math.round(domContentLoadedEventEnd), load: Math.round(loadEventEnd) }))(performance.getEntriesByType('navigation')[0]),
    lt: window.__lt, raf: window.__raf.slice(0, 8), dcl: window.__dcl,
  }));
  console.log(JSON.stringify(r));
  await context.close();
}
await browser.close();
