import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPacketStep, presetScenario, simulate } from '../../src/index';
import { axeViolations } from './axe';
import { notVisible, sidewaysOverflow } from './visible';
import { watchErrors } from './watch-errors';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

// The article's trace, as the page simulates it: the DNAT step and the step vm1 confirms the entry (URL steps are 1-based).
const trace = simulate(presetScenario('article')!);
const dnat = trace.steps.filter(isPacketStep).find((s) => s.kind === 'dnat')!;
const confirm = trace.steps.filter(isPacketStep).find((s) => s.kind === 'conntrack-new' && s.node === 'vm1')!;
const svcChain = dnat.rules.find((r) => r.chain.startsWith('KUBE-SVC-'))!.chain;
const listSvc = `iptables -t nat -L ${svcChain} -n -v --line-numbers`;
const listEntry = 'conntrack -L -d 10.96.0.10 -p tcp --dport 80';

const fold = (page: Page) => page.locator('[data-id="panel-verify"]');
const command = (page: Page, id: string) => fold(page).locator(`[data-command-id="${id}"]`).first();

async function openFold(page: Page, name = 'On a real node') {
  await fold(page).getByRole('button', { name }).click();
  await expect(fold(page).locator('[data-id="verify-panel"]')).toBeVisible();
}

test('the DNAT step’s KUBE-SVC listing is copied, and the conntrack step shows conntrack -L with the entry the page shows', async ({
  page,
  context,
}) => {
  const errors = watchErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`/?preset=article&view=cluster&step=${dnat.index + 1}&lang=en`);

  // Folded, it leaves the step's evidence where it was: on screen, uncovered.
  await expect(fold(page).getByRole('button', { name: 'On a real node' })).toHaveAttribute('aria-expanded', 'false');
  expect(await notVisible(page.locator('[data-id="evidence-deciding-rule"]'))).toEqual([]);

  await openFold(page);
  const svc = command(page, 'chain-list');
  await expect(svc.locator('[data-id="verify-command-text"]')).toHaveText(listSvc);
  await svc.getByRole('button', { name: `Copy: ${listSvc}` }).click();
  await expect(fold(page).getByRole('status')).toHaveText('Command copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(listSvc);
  await expect(command(page, 'chain-rules').locator('pre')).toContainText(`-N ${svcChain}`);
  await svc.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screenshots, 'verify-dnat-en-1024x768.png') });

  // Stepping on keeps it open: at the step vm1's conntrack confirms the entry, conntrack -L and that entry.
  const forward = page.getByRole('button', { name: 'Step forward', exact: true });
  for (let i = dnat.index; i < confirm.index; i++) await forward.click();
  const entry = command(page, 'conntrack-list');
  await expect(entry.locator('[data-id="verify-command-text"]')).toHaveText(listEntry);
  const shown = await page.locator('[data-id="panel-conntrack"] mark.pw-ct-line').innerText();
  expect(shown).toMatch(/^tcp {6}6 120 SYN_SENT src=10\.244\.1\.2 dst=10\.96\.0\.10 /);
  const printed = (await entry.locator('[data-id="verify-output"]').innerText()).split('\n');
  expect(printed).toEqual([shown, 'conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.']);
  await entry.scrollIntoViewIfNeeded();
  expect(await notVisible(entry.locator('[data-id="verify-command-text"]'))).toEqual([]);
  expect(await sidewaysOverflow(page)).toBe(0);
  await page.screenshot({ path: join(screenshots, 'verify-conntrack-en-1024x768.png') });
  expect(errors).toEqual([]);
});

for (const [lang, name, width, height] of [
  ['en', 'On a real node', 1440, 900],
  ['zh', '在真实节点上验证', 1024, 768],
  ['zh', '在真实节点上验证', 1440, 900],
] as const) {
  test(`the fold in ${lang} at ${width}x${height}, light and dark: commands untranslated, keyboard operable`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width, height });
    await page.goto(`/?preset=article&view=cluster&step=${dnat.index + 1}&lang=${lang}`);
    const toggle = fold(page).getByRole('button', { name });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(command(page, 'chain-list').locator('[data-id="verify-command-text"]')).toHaveText(listSvc);
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveAttribute('data-id', 'verify-copy');
    await command(page, 'chain-list').scrollIntoViewIfNeeded();
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.screenshot({ path: join(screenshots, `verify-dnat-${lang}-${width}x${height}.png`) });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(screenshots, `verify-dnat-${lang}-${width}x${height}-dark.png`) });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
}
