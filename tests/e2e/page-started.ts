import type { Page } from '@playwright/test';

/**
 * Waits until the page's code has taken its root over (app/prerender/keep-prerendered.ts): the
 * default page is painted from its HTML first and its code runs after that paint, so a test that
 * replaces the document (setContent) waits for it, lest the code run into the new document.
 */
export async function pageStarted(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.getElementById('root');
    return root !== null && !root.hasAttribute('data-prerendered') && root.childElementCount > 0;
  });
}
