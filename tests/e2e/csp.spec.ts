import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { manyServices, uploadScenario } from './big-scenario';
import { serveDist } from './serve-dist';
import { watchErrors } from './watch-errors';

// The policy the README offers hosts (deploy/content-security-policy.txt): no unsafe-eval, no unsafe-inline.
const policyFile = new URL('../../deploy/content-security-policy.txt', import.meta.url);
const POLICY = readFileSync(policyFile, 'utf8').trim();

async function underPolicy(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  await serveDist(page, { headers: { 'content-security-policy': POLICY } });
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

test('the policy has neither unsafe-eval nor unsafe-inline, and the README gives it word for word', () => {
  expect(POLICY).not.toMatch(/unsafe-(eval|inline)/);
  expect(readFileSync(new URL('../../README.md', import.meta.url), 'utf8')).toContain(POLICY);
});

test('the page runs under the Content-Security-Policy the README gives: every view, both modes, the editor, a file and the worker', async ({
  page,
}) => {
  await underPolicy(page);
  const errors = watchErrors(page);
  await page.goto('/?preset=article&step=3&lang=en');
  await expect(page.locator('svg[data-id="cluster-view"]')).toBeVisible();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-id="step-position"]')).toContainText('Step 6 of');
  await page.getByRole('button', { name: 'IPVS', exact: true }).click();
  await page.getByRole('button', { name: 'Article figures' }).click();
  await page.getByRole('button', { name: 'All steps' }).click();
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Cluster view' }).click();
  // The editor validates what is typed (zod), and a file opens through the same validator.
  await page.getByRole('tab', { name: 'Edit scenario' }).click();
  await expect(page.getByRole('tabpanel')).toBeVisible();
  const worker = page.waitForEvent('worker');
  await uploadScenario(page, manyServices(1100, { name: 'policy' }));
  await worker;
  await expect(page.getByRole('status').filter({ hasText: 'Opened' })).toHaveText('Opened “policy”.', { timeout: 20_000 });
  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('the embedded page runs under the same policy', async ({ page }) => {
  await underPolicy(page);
  const errors = watchErrors(page);
  await page.goto('/?preset=hairpin&step=2&lang=zh&embed=1');
  await expect(page.locator('[data-id="embed"]')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
