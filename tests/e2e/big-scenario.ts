import type { Page } from '@playwright/test';
import { PRESETS, type ScenarioInput } from '../../src/index';

/** The article's cluster with `count` Services selecting pod3 and pod4: big enough for the simulation worker. */
export function manyServices(count: number, extra: Partial<ScenarioInput> = {}): ScenarioInput {
  const article = PRESETS.article!;
  const services = Array.from({ length: count }, (_, i) => ({
    name: `svc${i + 1}`,
    selector: { app: 'web' },
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
  }));
  return {
    ...article,
    name: `${count} services`,
    cluster: { ...article.cluster, services },
    traffic: [{ from: 'pod1', to: `svc${count}`, port: 80 }],
    ...extra,
  };
}

/** Opens a scenario file through the share menu's upload, opening the menu when it is closed. */
export async function uploadScenario(page: Page, scenario: ScenarioInput) {
  const share = page.getByRole('button', { name: /^(Share|分享)$/ });
  if ((await share.getAttribute('aria-expanded')) !== 'true') await share.click();
  await page
    .locator('input[data-id="share-upload"]')
    .setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
}
