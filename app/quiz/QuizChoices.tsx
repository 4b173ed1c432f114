import { useEffect, useRef, type KeyboardEvent } from 'react';
import { narrateQuiz, type Lang, type QuizQuestion } from '../../src/index';
import type { QuizAnswer } from '../store/quiz-slice';

export interface QuizChoicesProps {
  readonly question: QuizQuestion;
  readonly answer: QuizAnswer | undefined;
  readonly lang: Lang;
  /** The id of the prompt, which names the group. */
  readonly labelledBy: string;
  /** Focus the first choice when shown (after Next question). */
  readonly autoFocus: boolean;
  readonly onAnswer: (choice: number) => void;
  /** Screen-reader words after a choice once answered. */
  readonly marks: { readonly right: string; readonly yours: string };
}

/** A key typed into a field is the field's, not an answer. */
function typedIntoField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target.tagName !== 'INPUT') return false;
  return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset'].includes((target.getAttribute('type') ?? 'text').toLowerCase());
}

const MOVES: Readonly<Record<string, number>> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/**
 * The choices as buttons in a group named by the prompt. Keys 1-4 answer at
 * once (anywhere on the page but in a text field); the arrows move between the
 * choices and Enter (or Space) answers the focused one. Once answered, the
 * right choice and a wrong one given stay, marked in colour, by a sign and in
 * words for screen readers, and no longer answer; the others are put away.
 */
export function QuizChoices({ question, answer, lang, labelledBy, autoFocus, onAnswer, marks }: QuizChoicesProps) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const answered = answer !== undefined;
  const count = question.choices.length;
  useEffect(() => {
    if (answered) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typedIntoField(e.target)) return;
      const n = Number(e.key);
      if (!Number.isInteger(n) || n < 1 || n > count) return;
      e.preventDefault();
      onAnswer(n - 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [answered, count, onAnswer]);
  useEffect(() => {
    if (autoFocus && !answered) buttons.current[0]?.focus();
  }, [autoFocus, answered, question]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!Object.hasOwn(MOVES, e.key)) return;
    // Taken here: the page's arrows would step the trace.
    e.preventDefault();
    const at = buttons.current.findIndex((b) => b === document.activeElement);
    buttons.current[(Math.max(0, at) + MOVES[e.key]! + count) % count]?.focus();
  };
  return (
    <div className="quiz-choices" role="group" aria-labelledby={labelledBy} onKeyDown={onKeyDown} data-id="quiz-choices">
      {question.choices.map((choice, i) => {
        const state = !answered ? undefined : i === question.answer ? 'right' : i === answer.choice ? 'wrong' : 'other';
        // Once answered only the right choice (and a wrong one given) stay: the room goes to the explanation and the view.
        if (state === 'other') return null;
        return (
          <button
            key={choice.key}
            ref={(el) => void (buttons.current[i] = el)}
            type="button"
            className="quiz-choice"
            data-id="quiz-choice"
            data-state={state}
            aria-disabled={answered || undefined}
            tabIndex={answered ? -1 : undefined}
            onClick={() => !answered && onAnswer(i)}
          >
            <span className="quiz-key" aria-hidden="true">
              {state === 'right' ? '✓' : state === 'wrong' ? '✗' : i + 1}
            </span>
            <span className="quiz-choice-text" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
              {narrateQuiz(choice.label, lang)}
            </span>
            {state === 'right' && <span className="sr-only">{` (${marks.right})`}</span>}
            {answered && i === answer.choice && <span className="sr-only">{` (${marks.yours})`}</span>}
          </button>
        );
      })}
    </div>
  );
}
