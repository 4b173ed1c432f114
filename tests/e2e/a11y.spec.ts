import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axeViolations } from './axe';
import { focusHidden } from './visible';
import { watchErrors } from './watch-errors';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

type Theme = 'light' | 'dark' | 'contrast';
const THEMES: readonly Theme[] = ['light', 'dark', 'contrast'];

/** Opens a URL in a theme: light and dark as the system's scheme (no theme= at all), high contrast by its parameter. */
async function openThemed(page: Page, url: string, theme: Theme) {
  await page.emulateMedia({ colorScheme: theme === 'dark' ? 'dark' : 'light' });
  await page.goto(theme === 'contrast' ? `${url}&theme=contrast` : url);
  await page.waitForLoadState('networkidle');
}

interface Case {
  readonly what: string;
  readonly url: string;
  /** What to open before the check, once the page is there. */
  readonly open?: (page: Page) => Promise<unknown>;
}

const CASES: readonly Case[] = [
  { what: 'the cluster view, a middle step', url: '/?preset=article&view=cluster&step=20' },
  { what: 'the article figure', url: '/?preset=article&view=classic&figure=service-to-pod&step=2' },
  { what: 'the list view', url: '/?preset=article&view=list&step=4' },
  { what: 'IPVS mode, the DNAT step', url: '/?preset=article&view=cluster&step=7&mode=ipvs' },
  { what: "pod churn, kube-proxy's sync", url: '/?preset=pod-churn&view=cluster&step=77' },
  { what: 'the embedded page', url: '/?preset=article&view=cluster&step=4&embed=1' },
  {
    what: 'the editor tab',
    url: '/?preset=article&view=cluster&step=4',
    open: (page) => page.getByRole('tab', { name: 'Edit scenario' }).click(),
  },
  {
    what: 'the open share menu',
    url: '/?preset=article&view=cluster&step=4',
    open: async (page) => {
      await page.getByRole('button', { name: 'Share' }).click();
      await expect(page.getByRole('button', { name: 'Copy embed code' })).toBeVisible();
    },
  },
  {
    what: 'Your node, the example traced',
    url: '/?preset=article&lab=node',
    open: async (page) => {
      await page.getByRole('button', { name: 'Use an example' }).click();
      await expect(page.locator('[data-id="node-src"]')).toHaveValue('10.244.1.2');
      await page.getByRole('button', { name: 'Trace', exact: true }).click();
      await expect(page.locator('[data-id="node-result"]')).toBeVisible();
    },
  },
];

test.describe('axe-core finds nothing', () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  for (const c of CASES) {
    for (const theme of THEMES) {
      test(`on ${c.what}, ${theme}`, async ({ page }) => {
        const errors = watchErrors(page);
        await openThemed(page, c.url, theme);
        await c.open?.(page);
        expect(await axeViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      });
    }
  }
});

/** Tabs through the page until focus comes back round (or `max` stops); why each stop could not be seen. */
async function tabAround(page: Page, max = 250): Promise<string[]> {
  const hidden: string[] = [];
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  let first: string | null = null;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      // Where it is in the document: the same element twice means focus went round.
      const path: number[] = [];
      for (let n: Element | null = el; n?.parentElement; n = n.parentElement) path.unshift([...n.parentElement.children].indexOf(n));
      return path.join('.');
    });
    if (here === null) continue;
    if (here === first) break;
    first ??= here;
    const problem = await focusHidden(page);
    if (problem) hidden.push(problem);
  }
  return hidden;
}

test.describe('focus is never hidden', () => {
  for (const [width, height] of [
    [1024, 768],
    [1440, 900],
  ] as const) {
    test.describe(`at ${width}x${height}`, () => {
      test.use({ viewport: { width, height } });
      for (const c of CASES.filter((c) =>
        ['the list view', 'the article figure', 'the editor tab', 'the embedded page'].includes(c.what),
      )) {
        test(`tabbing through ${c.what} in dark`, async ({ page }) => {
          await openThemed(page, c.url, 'dark');
          await c.open?.(page);
          expect(await tabAround(page)).toEqual([]);
        });
      }
    });
  }
});

/** The contrast of two CSS rgb() colours (WCAG's ratio). */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Focuses an element from the keyboard (so :focus-visible applies) and reads its ring and what it is drawn on. */
async function ringOf(page: Page, target: Locator) {
  await page.keyboard.press('Shift');
  await target.focus();
  return target.evaluate((el) => {
    const style = getComputedStyle(el);
    let around = 'rgba(0, 0, 0, 0)';
    for (let a = el.parentElement; a && /rgba\(.*, 0\)|transparent/.test(around); a = a.parentElement)
      around = getComputedStyle(a).backgroundColor;
    return {
      focusVisible: el.matches(':focus-visible'),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      outlineColor: style.outlineColor,
      boxShadow: style.boxShadow,
      fill: style.backgroundColor,
      around,
    };
  });
}

const SELECTED: readonly (readonly [
  name: string,
  url: string,
  find: (page: Page) => Locator,
  before?: (page: Page) => Promise<unknown>,
])[] = [
  ['view-switch', '/?preset=article&view=cluster&step=7', (page) => page.getByRole('button', { name: 'Cluster view' })],
  ['language', '/?preset=article&view=cluster&step=7', (page) => page.getByRole('button', { name: 'English' })],
  ['side-tab', '/?preset=article&view=cluster&step=7', (page) => page.getByRole('tab', { name: 'Step details' })],
  [
    'conntrack-node',
    '/?preset=article&view=cluster&step=7',
    (page) => page.locator('[data-id="panel-conntrack"] button[aria-pressed="true"]').first(),
  ],
  [
    'share-open',
    '/?preset=article&view=cluster&step=7',
    (page) => page.getByRole('button', { name: 'Share' }),
    (page) => page.getByRole('button', { name: 'Share' }).click(),
  ],
];

test.describe('the focus ring shows on selected buttons', () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  for (const theme of THEMES) {
    for (const [name, url, find, before] of SELECTED) {
      test(`${name}, ${theme}`, async ({ page }) => {
        await openThemed(page, url, theme);
        await before?.(page);
        const target = find(page);
        await expect(target).toHaveAttribute(await selectedAttribute(target), 'true');
        const ring = await ringOf(page, target);
        expect(ring.focusVisible).toBe(true);
        expect(ring.outlineStyle).not.toBe('none');
        expect(ring.outlineWidth).toBeGreaterThanOrEqual(2);
        // The ring stands out from the surface around the button and from the button's own fill.
        expect(contrast(ring.outlineColor, ring.around)).toBeGreaterThanOrEqual(3);
        expect(ring.outlineColor).not.toBe(ring.fill);
        // A filled (selected) button also gets an inner edge, so the ring reads whatever the fill.
        if (ring.fill !== ring.around) expect(ring.boxShadow).toContain('inset');
        expect(await focusHidden(page)).toBeNull();
        const box = (await target.boundingBox())!;
        await page.screenshot({
          path: join(screenshots, `a11y-focus-${name}-${theme}.png`),
          clip: { x: Math.max(0, box.x - 12), y: Math.max(0, box.y - 12), width: box.width + 24, height: box.height + 24 },
        });
      });
    }
  }
});

/** Which of aria-pressed, aria-selected or aria-expanded marks the element as selected. */
async function selectedAttribute(target: Locator): Promise<string> {
  return target.evaluate((el) => ['aria-pressed', 'aria-selected', 'aria-expanded'].find((a) => el.hasAttribute(a)) ?? 'aria-pressed');
}
