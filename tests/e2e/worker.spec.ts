import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  clusterEventsBackend,
  isPacketStep,
  narrate,
  parseScenario,
  registerClusterEvents,
  registerEveryModeEngine,
  simulate,
} from '../../src/index';
import { needsBackground } from '../../app/store/needs-background';
import { manyServices, uploadScenario } from './big-scenario';
import { watchErrors } from './watch-errors';

// The expected traces are simulated here in IPVS mode too, as the CLI does.
registerEveryModeEngine();
registerClusterEvents(clusterEventsBackend);

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

const progress = (page: Page) => page.locator('[data-id="simulation-progress"]');

test('a mid-size scenario is simulated in the worker and shows the same trace as the main thread', async ({ page }) => {
  const errors = watchErrors(page);
  // In IPVS mode with a scheduler and an event, from the file: the worker simulates it in its own mode.
  const scenario = manyServices(1200, {
    mode: 'ipvs',
    scheduler: 'wlc',
    traffic: [
      { from: 'pod1', to: 'svc1200', port: 80, at: 0 },
      { from: 'pod2', to: 'svc7', port: 80, at: 2 },
    ],
    events: [{ at: 1, action: 'set-not-ready', pod: 'pod4' }],
  });
  expect(needsBackground(scenario, 'iptables')).toBe(true);
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new Error('the test scenario is invalid');
  const expected = simulate(parsed.scenario);

  await page.goto('/?preset=article&view=list&lang=en');
  const workerStarted = page.waitForEvent('worker');
  await uploadScenario(page, scenario);
  expect((await workerStarted).url()).toContain('simulate.worker');
  await expect(page.getByRole('status').filter({ hasText: 'Opened' })).toHaveText('Opened “1200 services”.');
  await expect(progress(page)).toHaveCount(0);

  const shown = await page.locator('li.step').evaluateAll((items) =>
    items.map((li) => ({
      kind: li.getAttribute('data-kind'),
      dst: li.getAttribute('data-dst-ip'),
      narration: li.querySelector('.narration')?.textContent ?? '',
    })),
  );
  expect(shown).toEqual(
    expected.steps.map((s) => ({ kind: s.kind, dst: isPacketStep(s) ? s.after.dstIp : null, narration: narrate(s.note, 'en') })),
  );
  // The DNAT step and the mode, as the page shows them.
  const dnat = expected.steps.find((s) => s.kind === 'dnat')!;
  await expect(page.locator(`[data-id="step-${dnat.index + 1}"]`)).toHaveAttribute('data-kind', dnat.kind);
  await expect(page.getByRole('button', { name: 'IPVS' })).toHaveAttribute('aria-pressed', 'true');
  expect(errors).toEqual([]);
});

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: Cancel leaves the previous scenario on screen; the page stays usable while it simulates`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`/?preset=hairpin&view=cluster&step=3&lang=${lang}`);
    const narration = await page.locator('[data-id="panel-narration"]').innerText();
    await uploadScenario(page, manyServices(10_000));
    const bar = page.getByRole('progressbar');
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute('aria-valuenow', /^\d+$/);
    // A click outside closes the share menu; the simulation goes on.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.screenshot({ path: join(screenshots, `worker-progress-${lang}.png`) });

    // Still usable: a step forward moves the hairpin trace on screen.
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/step=4/);

    await page.getByRole('button', { name: lang === 'en' ? 'Cancel' : '取消' }).click();
    await expect(progress(page)).toHaveCount(0);
    // Nothing lands later either: the worker was stopped.
    await page.waitForTimeout(1500);
    await expect(page).toHaveURL(/preset=hairpin&view=cluster&step=4/);
    await expect(page.locator('.picker-scenario select')).toHaveValue('hairpin');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('[data-id="panel-narration"]').innerText()).toBe(narration);
    expect(errors).toEqual([]);
  });
}

test('Escape cancels a background simulation from the keyboard; Cancel is reachable with Tab', async ({ page }) => {
  await page.goto('/?preset=article&view=cluster&lang=en');
  await uploadScenario(page, manyServices(10_000));
  await expect(progress(page)).toBeVisible();
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 40 && !(await cancel.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(progress(page)).toHaveCount(0);
  await expect(page.locator('.picker-scenario select')).toHaveValue('article');
});
