import { expect, test } from '@playwright/test';
import LZString from 'lz-string';
import { isPacketStep, parseScenario, PRESETS, simulate } from '../../src/index';
import { watchErrors } from './watch-errors';

/**
 * A link shared before schema version 2 (Service types, node ports, clients outside the
 * cluster): a version 1 scenario, whole, as the page then compressed it into `s=`. It must
 * open as the same scenario: no alert, the same steps, kinds and endpoint as the engine
 * gives for that document today.
 */
const V2_SERVICE_FIELDS = [
  'type',
  'externalIPs',
  'loadBalancerIPs',
  'loadBalancerSourceRanges',
  'externalTrafficPolicy',
  'healthCheckNodePort',
  'internalTrafficPolicy',
];
const without = (o: object, keys: readonly string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
const v1 = {
  ...PRESETS.article!,
  schemaVersion: 1,
  name: 'shared before v2',
  seed: 7,
  cluster: {
    ...PRESETS.article!.cluster,
    // A v1 document has no v2 field at all.
    services: PRESETS.article!.cluster.services.map((svc) => without(svc, V2_SERVICE_FIELDS)),
  },
};

test('a version 1 link from before the schema change opens unchanged: no alert, the same steps and endpoint', async ({ page }) => {
  const errors = watchErrors(page);
  const parsed = parseScenario(JSON.parse(JSON.stringify(v1)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const trace = simulate(parsed.scenario);
  const s = LZString.compressToEncodedURIComponent(JSON.stringify(v1));
  await page.goto(`/?s=${s}&view=list&lang=en`);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('');
  await expect(page.locator('[data-id="url-alerts"]')).toHaveCount(0);
  const items = page.locator('li[data-id^="step-"]');
  await expect(items).toHaveCount(trace.steps.length);
  // The DNAT step and the last step, as the engine narrates them for that document.
  const dnat = trace.steps.find((st) => st.kind === 'dnat')!;
  for (const step of [dnat, trace.steps.at(-1)!]) {
    const item = page.locator(`li[data-id="step-${step.index + 1}"]`);
    await expect(item).toHaveAttribute('data-kind', step.kind);
    await expect(item).toContainText(step.at);
  }
  if (!isPacketStep(dnat)) throw new Error('the DNAT step moves a packet');
  await expect(page.locator(`li[data-id="step-${dnat.index + 1}"]`)).toHaveAttribute('data-dst-ip', dnat.after.dstIp);
  // The link's seed picked the endpoint: the engine's choice for seed 7, which the DNAT step's destination shows.
  expect(parsed.scenario.seed).toBe(7);
  expect(errors).toEqual([]);
});
