import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { focusHidden, notVisible, sidewaysOverflow, WINDOW_SIZES } from './visible';
import { watchErrors } from './watch-errors';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

interface Case {
  readonly what: string;
  /** Opens paused on this step (URL steps are 1-based, as `npx tsx cli/main.ts trace` numbers them from #0). */
  readonly url: string;
  /** Each evidence element, and a text it must show. */
  readonly evidence: readonly (readonly [selector: string, text: string | RegExp])[];
}

const NARRATION = '[data-id="narration"] .pw-narration-text';

const CASES: readonly Case[] = [
  {
    what: "the article's DNAT step: the deciding rule's target",
    url: '/?preset=article&view=cluster&step=4&lang=en',
    evidence: [
      [NARRATION, /\S/],
      ['[data-id="evidence-fields"] [data-field="dst"] dd', '10.244.2.3:8080'],
      ['[data-id="evidence-deciding-rule"]', '-j DNAT --to-destination 10.244.2.3:8080'],
    ],
  },
  {
    what: 'step 7: the conntrack entry, original and reply tuple',
    url: '/?preset=article&view=cluster&step=7&lang=en',
    evidence: [
      [NARRATION, /\S/],
      ['[data-id="evidence-original"]', 'src=10.244.1.2 dst=10.96.0.10 sport=50637 dport=80'],
      ['[data-id="evidence-reply"]', 'src=10.244.2.3 dst=10.244.1.2 sport=8080'],
    ],
  },
  {
    what: 'step 28: the reply’s source rewritten back to the Service',
    url: '/?preset=article&view=cluster&step=28&lang=en',
    evidence: [
      [NARRATION, /\S/],
      ['[data-id="evidence-fields"] [data-field="src"] ins', '10.96.0.10:80'],
      ['[data-id="evidence-fields"] [data-field="src"] del', '10.244.2.3:8080'],
    ],
  },
  {
    what: 'IPVS mode: the real server the scheduler chose',
    url: '/?preset=article&view=cluster&step=7&lang=en&mode=ipvs',
    evidence: [
      [NARRATION, /\S/],
      ['[data-id="evidence-ipvs"]', 'rr scheduled 10.244.2.3:8080 for TCP  10.96.0.10:80'],
      ['[data-id="evidence-fields"] [data-field="dst"] dd', '10.244.2.3:8080'],
    ],
  },
  {
    what: "session affinity's second connection: the recent match and the DNAT",
    url: '/?preset=session-affinity&view=cluster&step=49&lang=en',
    evidence: [
      [NARRATION, /\S/],
      ['[data-id="evidence-rules"] li:has-text("--rcheck")', /recent: 10\.244\.1\.2 seen \d+s ago/],
      ['[data-id="evidence-deciding-rule"]', '-j DNAT --to-destination 10.244.2.3:8080'],
    ],
  },
  {
    what: "pod churn: kube-proxy's sync, the lines it changed",
    url: '/?preset=pod-churn&view=cluster&step=77&lang=en',
    evidence: [
      [NARRATION, /\S/],
      ['[data-id="evidence-diff"] [data-diff="removed"]', '-j DNAT --to-destination 10.244.2.3:8080'],
      ['[data-id="evidence-diff"] [data-diff="added"]', 'default/svc1:http -> 10.244.2.2:8080'],
    ],
  },
];

async function expectReadable(page: Page, selector: string, text: string | RegExp) {
  const found = page.locator(selector);
  await expect(found.first()).toBeAttached();
  await expect(found.filter({ hasText: text }).first(), `${selector} shows ${String(text)}`).toBeAttached();
  expect(await notVisible(found), selector).toEqual([]);
}

for (const [width, height] of WINDOW_SIZES) {
  test.describe(`at ${width}x${height}`, () => {
    test.use({ viewport: { width, height } });
    for (const c of CASES) {
      test(`${c.what}: on screen, uncovered, no sideways scroll`, async ({ page }) => {
        const errors = watchErrors(page);
        await page.goto(c.url);
        await expect(page.locator('[data-id="panel-evidence"]')).toBeVisible();
        for (const [selector, text] of c.evidence) await expectReadable(page, selector, text);
        expect(await sidewaysOverflow(page)).toBe(0);
        expect(errors).toEqual([]);
      });
    }
  });
}

test.describe('the first ten seconds', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('a hint to press Play shows until the first step; Play is an early Tab stop', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/?preset=article&view=cluster&step=1&lang=en');
    const hint = page.locator('[data-id="first-step-hint"]');
    await expect(hint).toHaveText(/Press Play or → to follow the packet/);
    expect(await notVisible(hint)).toEqual([]);
    // Tab from the top of the page: Play comes within the first few stops.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    let stops = 0;
    for (; stops < 8; stops++) {
      await page.keyboard.press('Tab');
      if (await page.getByRole('button', { name: 'Play', exact: true }).evaluate((el) => el === document.activeElement)) break;
    }
    expect(stops + 1).toBeLessThanOrEqual(5);
    const play = page.getByRole('button', { name: 'Play', exact: true });
    expect(await notVisible(play)).toEqual([]);
    await page.keyboard.press('ArrowRight');
    await expect(hint).toHaveCount(0);
    await page.keyboard.press('ArrowLeft');
    await expect(hint).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('the header links the source article, by its author and title', async ({ page }) => {
    await page.goto('/?preset=article&lang=en');
    const link = page.locator('[data-id="source-article"]');
    await expect(link).toContainText('A Guide to the Kubernetes Networking Model');
    await expect(link).toHaveAttribute('href', 'https://sookocheff.com/post/kubernetes/understanding-kubernetes-networking-model/');
    await expect(page.locator('.source-line')).toContainText('Kevin Sookocheff');
    expect(await notVisible(link)).toEqual([]);
  });

  test('every focusable control, focused, is on screen and not under the control bar', async ({ page }) => {
    await page.goto('/?preset=article&view=cluster&step=4&lang=en');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const hidden: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const problem = await focusHidden(page);
      if (problem) hidden.push(problem);
    }
    expect(hidden).toEqual([]);
  });
});

/** The screenshots a person looks at: the lesson at a projector, a laptop, a desktop and a phone, in both languages. */
const SHOTS = [
  ['1024x768', 1024, 768, 'article&view=cluster&step=4'],
  ['1440x900', 1440, 900, 'article&view=cluster&step=7'],
  ['1920x1080', 1920, 1080, 'article&view=cluster&step=28'],
  ['phone', 390, 844, 'article&view=cluster&step=4'],
] as const;

for (const lang of ['en', 'zh'] as const) {
  for (const [name, width, height, query] of SHOTS) {
    test(`screenshot ${name} in ${lang === 'en' ? 'English' : 'Chinese'}`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.setViewportSize({ width, height });
      await page.goto(`/?preset=${query}&lang=${lang}`);
      await expect(page.locator('svg[data-id="cluster-view"]')).toBeVisible();
      expect(await notVisible(page.locator(NARRATION))).toEqual([]);
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: join(screenshots, `layout-${name}-${lang}.png`) });
      expect(errors).toEqual([]);
    });
  }
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('steps read-only through the story: the diagram, the narration and the controls, no sideways scroll', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/?preset=article&view=cluster&step=1&lang=en');
    const svg = page.locator('svg[data-id="cluster-view"]');
    await expect(svg).toBeVisible();
    expect(await notVisible(page.locator(NARRATION))).toEqual([]);
    expect(await notVisible(page.getByRole('button', { name: 'Step forward', exact: true }))).toEqual([]);
    await page.getByRole('button', { name: 'Step forward', exact: true }).tap();
    await expect(page.locator('[data-id="step-position"]')).toContainText('Step 2 of');
    expect(await notVisible(page.locator(NARRATION))).toEqual([]);
    const box = (await page.locator('[data-id="cluster-view-frame"]').boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(390);
    expect(box.height).toBeGreaterThan(200);
    expect(await sidewaysOverflow(page)).toBe(0);
    // Pinch zoom stays allowed: the viewport meta does not forbid it.
    expect(await page.locator('meta[name="viewport"]').getAttribute('content')).not.toMatch(/user-scalable=no|maximum-scale=1(\D|$)/);
    expect(errors).toEqual([]);
  });
});
