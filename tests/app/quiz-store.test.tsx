import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StepListPane } from '../../app/shell/StepListPane';
import { StoreProvider } from '../../app/store/StoreProvider';
import { buildQuiz } from '../../src/index';
import { createAppStore } from '../../app/store/create-app-store';
import { openFromUrl, readUrl, writeUrl } from '../../app/url/url-state';
import { shellStrings } from '../../app/i18n/shell-strings';

const open = (search: string) => openFromUrl(search, createAppStore);
/** What the quiz card does once its chunk is in: it hands the store the questions' steps. */
function withQuestions(search: string) {
  const store = open(search);
  const steps = buildQuiz(store.getState().trace).map((q) => q.step);
  store.getState().setQuizSteps(steps);
  return { store, steps };
}

describe('quiz=N in the URL', () => {
  it('opens question N with the trace at the step before it, and writes quiz=N back', () => {
    const { store, steps } = withQuestions('?preset=article&quiz=5');
    expect(store.getState().quiz?.question).toBe(5);
    expect(store.getState().cursor.step).toBe(steps[4]! - 1);
    expect(writeUrl(store.getState())).toBe(`?preset=article&view=cluster&step=${steps[4]}&lang=en&quiz=5`);
  });

  it('reopens the same question from the URL it wrote', () => {
    const { store } = withQuestions('?preset=article&quiz=3&lang=zh');
    const again = withQuestions(writeUrl(store.getState())).store.getState();
    expect(again.quiz?.question).toBe(3);
    expect(again.cursor.step).toBe(store.getState().cursor.step);
    expect(again.lang).toBe('zh');
  });

  it('names a question past the last in an alert and opens the last one', () => {
    const { store, steps } = withQuestions('?preset=article&quiz=99');
    expect(store.getState().quiz?.question).toBe(steps.length);
    const [alert] = store.getState().alerts;
    expect(alert).toMatchObject({ param: 'quiz', value: '99', reason: 'out-of-range', instead: 'nearest' });
    // What the page says is what it did: the nearest question, not a default.
    expect(shellStrings.en.alert(alert!)).toBe('The URL parameter “quiz” ("99") is out of range; showing the nearest one instead.');
    expect(shellStrings.zh.alert(alert!)).toBe('URL 参数“quiz”（"99"）超出范围；已改用最接近的值。');
  });

  it.each([
    ['0', 'out-of-range'],
    ['two', 'invalid'],
  ] as const)('names quiz=%s in an alert and opens the first question', (value, reason) => {
    expect(readUrl(`?quiz=${value}`).alerts).toMatchObject([{ param: 'quiz', value, reason }]);
    const { store, steps } = withQuestions(`?preset=article&quiz=${value}`);
    expect(store.getState().quiz?.question).toBe(1);
    expect(store.getState().cursor.step).toBe(steps[0]! - 1);
  });

  it('is not opened in an embedded page, which has no card to answer in', () => {
    const store = open('?preset=article&quiz=2&embed=1');
    expect(store.getState().quiz).toBeNull();
    store.getState().seek(20);
    expect(store.getState().cursor.step).toBe(20);
  });

  it('leaves quiz out of the URL outside quiz mode', () => {
    expect(readUrl('?preset=article').quiz).toBeNull();
    expect(writeUrl(open('?preset=article&step=3').getState())).not.toContain('quiz');
  });
});

describe('stepping in quiz mode', () => {
  it('stops before an unanswered question: stepping, seeking and playing go no further', () => {
    const { store, steps } = withQuestions('?preset=article&quiz=2');
    const before = steps[1]! - 1;
    store.getState().stepForward();
    expect(store.getState().cursor.step).toBe(before);
    store.getState().seek(40);
    expect(store.getState().cursor.step).toBe(before);
    store.getState().last();
    expect(store.getState().cursor.step).toBe(before);
    store.getState().play();
    store.getState().advance(5000);
    expect(store.getState().cursor.step).toBe(before);
    expect(store.getState().playing).toBe(false);
    store.getState().stepBack();
    expect(store.getState().cursor.step).toBe(before - 1);
  });

  it('shows the step once answered, keeps the score, and goes on to the step before the next question', () => {
    const { store, steps } = withQuestions('?preset=article&quiz=1');
    store.getState().answerQuiz(2, false);
    expect(store.getState().cursor.step).toBe(steps[0]);
    // An answer stands: a second one changes nothing.
    store.getState().answerQuiz(1, true);
    expect(store.getState().quiz?.answers).toEqual({ 1: { choice: 2, right: false } });
    // Free stepping up to the next question's step, not onto it.
    for (let i = 0; i < 60; i++) store.getState().stepForward();
    expect(store.getState().cursor.step).toBe(steps[1]! - 1);
    store.getState().nextQuestion();
    expect(store.getState().quiz?.question).toBe(2);
    store.getState().answerQuiz(0, true);
    expect(store.getState().cursor.step).toBe(steps[1]);
    expect(store.getState().quiz?.answers[2]).toEqual({ choice: 0, right: true });
  });

  it('steps freely again after leaving quiz mode', () => {
    const { store, steps } = withQuestions('?preset=article&quiz=1');
    store.getState().leaveQuiz();
    store.getState().seek(40);
    expect(store.getState().cursor.step).toBe(40);
    expect(steps[0]).toBeLessThan(40);
    expect(writeUrl(store.getState())).not.toContain('quiz');
  });

  it('starts the quiz again on another trace (another mode): other questions, no answers', () => {
    const { store } = withQuestions('?preset=article&quiz=1');
    store.getState().answerQuiz(0, true);
    store.getState().setMode('ipvs');
    const steps = buildQuiz(store.getState().trace).map((q) => q.step);
    store.getState().setQuizSteps(steps);
    expect(store.getState().quiz).toMatchObject({ question: 1, answers: {}, steps });
    expect(store.getState().cursor.step).toBe(steps[0]! - 1);
  });
});

describe('the All steps list in quiz mode', () => {
  it('lists only the steps the quiz has shown, says how many it keeps back, and lists them all once the quiz is left', () => {
    const { store, steps } = withQuestions('?preset=article&quiz=2&view=list&lang=en');
    render(
      <StoreProvider store={store}>
        <StepListPane />
      </StoreProvider>,
    );
    const items = () => document.querySelectorAll('ol.steps > li');
    // Question 2 is about step steps[1]: the list stops at the step before it.
    expect(items()).toHaveLength(steps[1]!);
    const total = store.getState().trace.steps.length;
    expect(screen.getByText(`Quiz mode: the next ${total - steps[1]!} steps are hidden until you answer the question.`)).toBeTruthy();
    act(() => store.getState().leaveQuiz());
    expect(items()).toHaveLength(total);
    expect(document.querySelector('[data-id="quiz-hidden-steps"]')).toBeNull();
  });
});
