import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { createAppStore } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';
import { openFromUrl } from '../../app/url/url-state';
import { buildQuiz, narrateQuiz } from '../../src/index';

function renderQuiz(search: string) {
  const store = openFromUrl(search, createAppStore);
  render(
    <StoreProvider store={store}>
      <App embed={false} />
    </StoreProvider>,
  );
  return store;
}

const press = (key: string, target: Element = document.body) =>
  act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));

const quizOf = (store: ReturnType<typeof renderQuiz>) => buildQuiz(store.getState().trace);
const card = () => screen.getByRole('region', { name: /^Quiz/ });
const choices = () =>
  within(card())
    .getAllByRole('button')
    .filter((b) => b.dataset.id === 'quiz-choice');

describe('the quiz card', () => {
  it('asks question N before its step, with its choices in a group named by the prompt', () => {
    const store = renderQuiz('?preset=article&quiz=2');
    const q = quizOf(store)[1]!;
    expect(within(card()).getByRole('heading', { name: /Question 2 of 6/ })).toBeTruthy();
    const group = within(card()).getByRole('group', { name: narrateQuiz(q.prompt, 'en') });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(q.choices.map((c, i) => `${i + 1}${narrateQuiz(c.label, 'en')}`));
    expect(store.getState().cursor.step).toBe(q.step - 1);
    expect(screen.getByText('Score: 0 / 0')).toBeTruthy();
  });

  it('takes a wrong answer by number key: says so, names the right answer, explains, shows the step, scores 0 / 1', () => {
    const store = renderQuiz('?preset=article&quiz=1');
    const q = quizOf(store)[0]!;
    const wrong = q.choices.findIndex((_, i) => i !== q.answer);
    press(String(wrong + 1));
    const verdict = within(card()).getByRole('status');
    expect(verdict.getAttribute('aria-live')).toBe('assertive');
    expect(verdict.textContent).toContain(`Not quite: the answer is ${narrateQuiz(q.choices[q.answer]!.label, 'en')}.`);
    expect(verdict.textContent).toContain('Score: 0 / 1');
    // The step's own narration is the first part of the explanation: the narration above the card shows it, the card points there.
    expect(screen.getByText(narrateQuiz(q.explanation[0]!, 'en'), { selector: '[data-id="narration"] p' })).toBeTruthy();
    expect(within(card()).getByText('The narration above says what this step did.')).toBeTruthy();
    expect(store.getState().cursor.step).toBe(q.step);
    // The right choice and the one given stay, marked in words for screen readers.
    expect(choices().map((b) => b.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining('(the right answer)'), expect.stringContaining('(your answer)')]),
    );
    // Focus goes to Next question.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Next question' }));
  });

  it('takes a right answer with the arrows and Enter (a click), then Next question asks the next one', () => {
    const store = renderQuiz('?preset=article&quiz=1');
    const [q1, q2] = quizOf(store);
    press(String(q1!.answer === 0 ? 2 : 1));
    fireEvent.click(screen.getByRole('button', { name: 'Next question' }));
    expect(store.getState().quiz?.question).toBe(2);
    expect(store.getState().cursor.step).toBe(q2!.step - 1);
    // Focus is on the first choice; the arrows move it, and the page's own arrow keys do not step the trace.
    expect(document.activeElement).toBe(choices()[0]);
    for (let i = 0; i < q2!.answer; i++) press('ArrowDown', document.activeElement!);
    expect(document.activeElement).toBe(choices()[q2!.answer]);
    expect(store.getState().cursor.step).toBe(q2!.step - 1);
    // Enter on a focused button clicks it.
    fireEvent.click(document.activeElement!);
    expect(within(card()).getByRole('status').textContent).toMatch(/^Right\. Score: 1 \/ 2$/);
    expect(store.getState().cursor.step).toBe(q2!.step);
  });

  it('ends on the last question with the final score, and Leave quiz returns to normal stepping', () => {
    const store = renderQuiz('?preset=no-endpoints&quiz=3');
    const q = quizOf(store)[2]!;
    press(String(q.answer + 1));
    expect(screen.getByText('That was the last question. You got 1 of 1 right.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Next question' })).toBeNull();
    expect(within(card()).getByText(/ECONNREFUSED/, { selector: '[data-id="quiz-explanation"] p' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Leave quiz' }));
    expect(screen.queryByRole('region', { name: /^Quiz/ })).toBeNull();
    expect(store.getState().quiz).toBeNull();
    press('End');
    expect(store.getState().cursor.step).toBe(store.getState().trace.steps.length - 1);
  });

  it('speaks Chinese, and the header switch starts the quiz at question 1', () => {
    const store = openFromUrl('?preset=article&lang=zh', createAppStore);
    render(
      <StoreProvider store={store}>
        <App embed={false} />
      </StoreProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '测验' }));
    expect(screen.getByRole('button', { name: '测验' }).getAttribute('aria-pressed')).toBe('true');
    const q = quizOf(store)[0]!;
    expect(screen.getByText(narrateQuiz(q.prompt, 'zh'))).toBeTruthy();
    expect(screen.getByText('得分：0 / 0')).toBeTruthy();
    expect(store.getState().cursor.step).toBe(q.step - 1);
  });
});
