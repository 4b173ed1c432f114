import type { Page } from '@playwright/test';

/** Every console error, page error, failed request (not one the browser cancelled on navigating) and dialog while the page is open: a test expects none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => {
    // ERR_ABORTED: the browser cancelled it because the test navigated away (an idle-time chunk
    // still loading); a request that really fails ends with another error (ERR_FAILED, refused...).
    if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
    errors.push(`requestfailed: ${req.url()} (${req.failure()?.errorText ?? 'failed'})`);
  });
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return errors;
}
