import { chromium } from '@playwright/test';
const url = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing,loading', transferMode: 'ReportEvents' });
await page.goto(url, { waitUntil: 'load' });
await page.waitForTimeout(1200);
await cdp.send('Tracing.end');
await done;
const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStart' ) ;
const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => e.pid + ':' + e.tid));
const main = events.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur > 8000 && mains.has(e.pid + ':' + e.tid));
const t0 = (events.find((e) => e.name === 'navigationStart' && mains.has(e.pid + ':' + e.tid)) ?? events.find((e) => e.name === 'navigationStart')).ts;
const tid = events.find((e) => e.name === 'TracingStartedInBrowser') ;
for (const t of main) {
  const inside = events.filter((e) => e.tid === t.tid && e.pid === t.pid && e.ts >= t.ts && e.ts < t.ts + t.dur && e.dur > 3000 && e.name !== 'RunTask');
  console.log(`task @${((t.ts - t0) / 1000).toFixed(0)} ${(t.dur / 1000).toFixed(0)}ms tid ${t.tid}: ` + inside.map((e) => `${e.name}${e.args?.data?.url ? '(' + e.args.data.url.slice(-24) + ')' : ''}${e.args?.data?.functionName ? '(' + e.args.data.functionName + ')' : ''} ${(e.dur / 1000).toFixed(0)}`).slice(0, 12).join(', '));
}
for (const e of events.filter((e) => /firstPaint|firstContentfulPaint|MarkDOMContent|MarkLoad/.test(e.name))) console.log(e.name, ((e.ts - t0) / 1000).toFixed(0));
await browser.close();
