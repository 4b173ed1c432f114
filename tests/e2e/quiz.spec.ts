import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildQuiz, narrateQuiz, presetScenario, simulate } from '../../src/index';
import { axeViolations } from './axe';
import { notVisible, sidewaysOverflow } from './visible';
import { watchErrors } from './watch-errors';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

// The page's questions, built by the engine from the same trace the page simulates.
const quiz = buildQuiz(simulate(presetScenario('article')!));
const params = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);
const card = (page: Page) => page.locator('[data-id="quiz"]');
const choice = (page: Page, lang: 'en' | 'zh', n: number, index: number) =>
  card(page).getByRole('button', { name: narrateQuiz(quiz[n - 1]!.choices[index]!.label, lang), exact: false });
const wrongIndex = (n: number) => quiz[n - 1]!.choices.findIndex((_, i) => i !== quiz[n - 1]!.answer);

/** What must be readable, uncovered and unscrolled while a question is asked: the question, its choices, the narration and the step's evidence. */
async function expectQuestionOnScreen(page: Page, withEvidence: boolean) {
  expect(await notVisible(page.locator('[data-id="quiz-prompt"]'))).toEqual([]);
  expect(await notVisible(page.locator('[data-id="quiz-choice"]'))).toEqual([]);
  expect(await notVisible(page.locator('[data-id="narration"] .pw-narration-text'))).toEqual([]);
  if (withEvidence) expect(await notVisible(page.locator('[data-id="panel-evidence"] .pw-panel-title'))).toEqual([]);
  expect(await sidewaysOverflow(page)).toBe(0);
}

type Box = { x: number; y: number; width: number; height: number };
const inside = (a: Box, b: Box) =>
  a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Where the card is, by bounding boxes: inside the window, clear of the player's controls, and
 * the diagram's packet (the view follows it) inside the view and not under the card.
 */
async function expectCardPlaced(page: Page, label: string) {
  const window = { x: 0, y: 0, ...page.viewportSize()! };
  const cardBox = (await card(page).boundingBox())!;
  const controls = (await page.locator('.app-shell > .transport').boundingBox())!;
  const view = (await page.locator('.view-area').boundingBox())!;
  const packet = (await page.locator('[data-id="packet-dot"]').boundingBox())!;
  expect(inside(cardBox, window), `${label}: the card ${JSON.stringify(cardBox)} is inside the window`).toBe(true);
  expect(overlap(cardBox, controls), `${label}: the card does not cover the controls`).toBe(false);
  expect(inside(packet, view), `${label}: the packet ${JSON.stringify(packet)} is inside the view ${JSON.stringify(view)}`).toBe(true);
  expect(overlap(packet, cardBox), `${label}: the card does not cover the packet`).toBe(false);
}

for (const lang of ['en', 'zh'] as const)
  test(`every question at 1024x768 (${lang}): asked, the question, its choices, the narration and the evidence are on screen without scrolling; answered, the verdict and the narration; the card covers neither the controls nor the packet`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`/?preset=article&quiz=1&lang=${lang}`);
    for (let n = 1; n <= quiz.length; n++) {
      await expect(card(page).locator('[data-id="quiz-prompt"]')).toHaveText(narrateQuiz(quiz[n - 1]!.prompt, lang));
      await expect.poll(() => params(page).step).toBe(String(quiz[n - 1]!.step));
      await expectQuestionOnScreen(page, true);
      expect(await notVisible(page.locator('[data-id="narration"]'))).toEqual([]);
      await expectCardPlaced(page, `question ${n}, asked`);
      await page.screenshot({ path: join(screenshots, `quiz-q${n}-1024x768-${lang}.png`) });
      await page.keyboard.press(String(wrongIndex(n) + 1));
      await expect.poll(() => params(page).step).toBe(String(quiz[n - 1]!.step + 1));
      expect(await notVisible(card(page).locator('[data-id="quiz-verdict"]'))).toEqual([]);
      expect(await notVisible(page.locator('[data-id="narration"]'))).toEqual([]);
      await expectCardPlaced(page, `question ${n}, answered`);
      await page.screenshot({ path: join(screenshots, `quiz-q${n}-answered-1024x768-${lang}.png`) });
      if (n < quiz.length) await card(page).locator('[data-id="quiz-next"]').click();
    }
    expect(errors).toEqual([]);
  });

test.describe('quiz mode at 1024x768', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('a wrong and a right answer, the explanation, the score, and the URL reopening the same question', async ({ page, browser }) => {
    const errors = watchErrors(page);
    await page.goto('/?preset=article&quiz=1');
    await expect(card(page).getByRole('heading', { name: /Question 1 of 6/ })).toBeVisible();
    await expect.poll(() => params(page).step).toBe(String(quiz[0]!.step));
    await expectQuestionOnScreen(page, true);
    await expect(card(page).locator('[data-id="quiz-score"]')).toHaveText('Score: 0 / 0');
    await page.screenshot({ path: join(screenshots, 'quiz-question-1024x768-en.png') });

    // Stepping forward stops before the question's step.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => params(page).step).toBe(String(quiz[0]!.step));

    // A wrong answer, by its number key: said so, the right one named, explained, the step shown.
    await page.keyboard.press(String(wrongIndex(1) + 1));
    const verdict = card(page).locator('[data-id="quiz-verdict"]');
    await expect(verdict).toHaveText(
      `Not quite: the answer is ${narrateQuiz(quiz[0]!.choices[quiz[0]!.answer]!.label, 'en')}. Score: 0 / 1`,
    );
    // The explanation starts with the step's narration, which the narration above the card now shows.
    await expect(page.locator('[data-id="narration"] .pw-narration-text')).toHaveText(narrateQuiz(quiz[0]!.explanation[0]!, 'en'));
    await expect(card(page).locator('[data-id="quiz-explanation"]')).toContainText('The narration above says what this step did.');
    await expect.poll(() => params(page).step).toBe(String(quiz[0]!.step + 1));
    await expect(card(page).locator('[data-id="quiz-score"]')).toHaveText('Score: 0 / 1');
    expect(await notVisible(page.locator('[data-id="quiz-verdict"]'))).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'quiz-wrong-1024x768-en.png') });

    // Next question; a right answer by a click.
    await page.getByRole('button', { name: 'Next question' }).click();
    await expect.poll(() => params(page).quiz).toBe('2');
    await expect.poll(() => params(page).step).toBe(String(quiz[1]!.step));
    await choice(page, 'en', 2, quiz[1]!.answer).click();
    await expect(verdict).toHaveText('Right. Score: 1 / 2');
    await expect(card(page).locator('[data-id="quiz-explanation"]')).toContainText('The deciding rule: -A KUBE-SEP-');
    await expect(card(page).locator('[data-id="quiz-score"]')).toHaveText('Score: 1 / 2');
    await page.screenshot({ path: join(screenshots, 'quiz-right-1024x768-en.png') });

    // The URL, opened in a fresh page (a student's), asks the same question at the step before it.
    const url = page.url();
    expect(params(page).quiz).toBe('2');
    const fresh = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await fresh.goto(url);
    await expect(card(fresh).getByRole('heading', { name: /Question 2 of 6/ })).toBeVisible();
    await expect(card(fresh).locator('[data-id="quiz-prompt"]')).toHaveText(narrateQuiz(quiz[1]!.prompt, 'en'));
    await expect(card(fresh).locator('[data-id="quiz-score"]')).toHaveText('Score: 0 / 0');
    await expect.poll(() => params(fresh).step).toBe(String(quiz[1]!.step));
    await fresh.close();

    // Leaving quiz mode returns to normal stepping.
    await page.getByRole('button', { name: 'Leave quiz' }).click();
    await expect(card(page)).toHaveCount(0);
    await page.keyboard.press('End');
    await expect.poll(() => params(page).step).toBe('45');
    expect(params(page).quiz).toBeUndefined();
    expect(errors).toEqual([]);
  });

  test('the arrows and Enter answer; Chinese and the dark theme', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/?preset=article&quiz=5&lang=zh&theme=dark');
    await expect(card(page).getByRole('heading', { name: /第 5 题，共 6 题/ })).toBeVisible();
    await expectQuestionOnScreen(page, true);
    await page.screenshot({ path: join(screenshots, 'quiz-question-1024x768-zh-dark.png') });
    await card(page).locator('[data-id="quiz-choice"]').first().focus();
    for (let i = 0; i < quiz[4]!.answer; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(card(page).locator('[data-id="quiz-verdict"]')).toHaveText('答对了。 得分：1 / 1');
    await expect(card(page).locator('[data-id="quiz-explanation"]')).toContainText('conntrack -L');
    await page.screenshot({ path: join(screenshots, 'quiz-right-1024x768-zh-dark.png') });
    expect(errors).toEqual([]);
  });
});

for (const [width, height] of [
  [1440, 900],
  [390, 844],
] as const) {
  test(`the quiz at ${width}x${height}, in English and Chinese`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const phone = width < 600;
    for (const lang of ['en', 'zh'] as const) {
      await page.goto(`/?preset=article&quiz=2&lang=${lang}`);
      await expect(card(page).locator('[data-id="quiz-prompt"]')).toHaveText(narrateQuiz(quiz[1]!.prompt, lang));
      if (!phone) await expectQuestionOnScreen(page, true);
      await page.screenshot({ path: join(screenshots, `quiz-question-${width}x${height}-${lang}.png`) });
      await page.keyboard.press(String(wrongIndex(2) + 1));
      await expect(card(page).locator('[data-id="quiz-explanation"]')).toBeVisible();
      await page.screenshot({ path: join(screenshots, `quiz-wrong-${width}x${height}-${lang}.png`) });
    }
  });
}

test.describe('axe-core finds nothing in the quiz card', () => {
  for (const theme of ['light', 'dark', 'contrast'] as const)
    test(`asked and answered, ${theme} theme`, async ({ page }) => {
      await page.goto(`/?preset=article&quiz=2&theme=${theme}`);
      await expect(card(page).locator('[data-id="quiz-prompt"]')).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press(String(wrongIndex(2) + 1));
      await expect(card(page).locator('[data-id="quiz-explanation"]')).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
});
