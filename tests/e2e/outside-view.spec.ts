import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPacketStep, presetScenario, simulate } from '../../src/index';
import { notVisible } from './visible';
import { watchErrors } from './watch-errors';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));
// The smallest window the page must work at: both nodes, the outside world and the evidence without scrolling.
test.use({ viewport: { width: 1024, height: 768 } });

const nodeport = simulate(presetScenario('nodeport')!);
const vm1 = nodeport.topology.nodes.find((n) => n.name === 'vm1')!.ip;
/** The SNAT step: POSTROUTING on vm1 masquerades the laptop's source to vm1's own IP (1-based, as the URL counts). */
const SNAT = nodeport.steps.findIndex((s) => isPacketStep(s) && s.kind === 'snat' && s.node === 'vm1' && s.after.srcIp === vm1) + 1;
/** The laptop's first packet on the wire to vm1's eth0. */
const WIRE = nodeport.steps.findIndex((s) => s.at === 'laptop/eth0' && s.to === 'vm1/eth0') + 1;

const view = (page: Page) => page.locator('svg[data-id="cluster-view"]');
const device = (page: Page, id: string) => view(page).locator(`[data-id="device:${id}"]`);

async function open(page: Page, query: string) {
  await page.goto(`/?${query}`);
  await expect(view(page)).toBeVisible();
  // The view has followed the step's packet: the dot shows the step the URL asks for.
  await expect(view(page).locator('[data-id="packet"]')).toHaveAttribute(
    'data-step',
    String(Number(new URLSearchParams(query).get('step')) - 1),
  );
}

const boxOf = async (l: Locator) => (await l.boundingBox())!;
const apart = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

test('nodeport at the SNAT step: the laptop, both nodes and the evidence show without scrolling, in English and Chinese', async ({
  page,
}) => {
  expect(SNAT).toBeGreaterThan(0);
  const errors = watchErrors(page);
  for (const lang of ['en', 'zh'] as const) {
    await open(page, `preset=nodeport&view=cluster&step=${SNAT}&lang=${lang}`);
    await expect(device(page, 'vm1/POSTROUTING')).toHaveAttribute('data-active', 'true');
    await expect(view(page).locator('[data-id="rewrite:src"]')).toContainText(`${vm1}:`);
    const laptop = device(page, 'laptop/eth0');
    await expect(laptop.locator('text')).toHaveText(['laptop', '192.168.0.100']);
    await expect(device(page, 'net').locator('text')).toHaveText(lang === 'en' ? 'the nodes’ network' : '节点网络');
    await expect(view(page).locator('[data-id="service-exposure"]')).toHaveText([
      'NodePort 30000',
      lang === 'en' ? 'external policy Cluster' : '外部流量策略 Cluster',
    ]);
    expect(await notVisible(laptop.locator('text')), 'the laptop').toEqual([]);
    // Each node's name line, at its foot: the whole node is in sight.
    for (const node of nodeport.topology.nodes)
      expect(await notVisible(view(page).locator(`[data-id="node:${node.name}"] > text`, { hasText: node.ip })), node.name).toEqual([]);
    expect(await notVisible(page.locator('[data-id="evidence-deciding-rule"]')), 'the MASQUERADE rule').toEqual([]);
    await page.screenshot({ path: join(screenshots, `outside-snat-${lang}.png`) });
  }
  expect(errors).toEqual([]);
});

test('the laptop’s packet crosses the nodes’ network to vm1 with its card clear of both nodes', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, `preset=nodeport&view=cluster&step=${WIRE}&lang=en`);
  for (const id of ['laptop/eth0', 'vm1/eth0', 'net']) await expect(device(page, id)).toHaveAttribute('data-active', 'true');
  const card = await boxOf(view(page).locator('[data-id="packet-card"] rect').first());
  for (const node of ['vm1', 'vm2']) expect(apart(card, await boxOf(view(page).locator(`[data-id="node:${node}"]`))), node).toBe(true);
  // The card is drawn over everything and takes no pointer: inside the view's frame is in sight.
  const frame = await boxOf(page.locator('[data-id="cluster-view-frame"]'));
  expect(card.x >= frame.x && card.y >= frame.y && card.x + card.width <= frame.x + frame.width).toBe(true);
  expect(card.y + card.height <= frame.y + frame.height).toBe(true);
  expect(errors).toEqual([]);
});

test('loadbalancer: the load balancer shows its IP, source range and each node’s health check', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, 'preset=loadbalancer&view=cluster&step=1&lang=en');
  await expect(device(page, 'office/eth0')).toHaveAttribute('data-active', 'true');
  await expect(device(page, 'outside/load-balancer')).toHaveAttribute('data-active', 'true');
  // The internet leg is not on the nodes' network.
  await expect(device(page, 'net')).toHaveAttribute('data-active', 'false');
  const lb = device(page, 'outside/load-balancer').locator('text');
  await expect(lb).toHaveText(['load balancer 203.0.113.10', 'allows 203.0.113.0/24', /^health check :\d+ vm1 503 vm2 200$/]);
  expect(await notVisible(lb)).toEqual([]);
  expect(await notVisible(device(page, 'stranger/eth0').locator('text'))).toEqual([]);
  await page.screenshot({ path: join(screenshots, 'outside-loadbalancer-en.png') });
  expect(errors).toEqual([]);
});
