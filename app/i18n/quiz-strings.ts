import type { Lang } from './lang';

/** Quiz mode's labels (the questions themselves are the engine's, in src/quiz/quiz-narration.ts), in both languages. */
export interface QuizStrings {
  /** The header's toggle, and the card's name. */
  readonly quiz: string;
  readonly questionOf: (n: number, count: number) => string;
  readonly choices: string;
  /** How to answer from the keyboard, under the choices. */
  readonly keys: (count: number) => string;
  readonly right: string;
  /** Said after the right choice, and after the one given, once answered (screen readers). */
  readonly marks: { readonly right: string; readonly yours: string };
  readonly wrong: (answer: string) => string;
  readonly score: (right: number, answered: number) => string;
  readonly explanation: string;
  /** In place of the step's own narration, when the narration above the card already shows it. */
  readonly seeNarration: string;
  readonly next: string;
  /** After the last question: the right answers of those answered. */
  readonly done: (right: number, answered: number) => string;
  readonly leave: string;
  readonly none: string;
}

export const quizStrings: Readonly<Record<Lang, QuizStrings>> = {
  en: {
    quiz: 'Quiz',
    questionOf: (n, count) => `Question ${n} of ${count}`,
    choices: 'Your prediction',
    keys: (count) => `Keys: 1–${count} or the arrows, then Enter.`,
    right: 'Right.',
    marks: { right: 'the right answer', yours: 'your answer' },
    wrong: (answer) => `Not quite: the answer is ${answer}.`,
    score: (right, answered) => `Score: ${right} / ${answered}`,
    explanation: 'Why',
    seeNarration: 'The narration above says what this step did.',
    next: 'Next question',
    done: (right, answered) => `That was the last question. You got ${right} of ${answered} right.`,
    leave: 'Leave quiz',
    none: 'This trace has nothing to ask about.',
  },
  zh: {
    quiz: '测验',
    questionOf: (n, count) => `第 ${n} 题，共 ${count} 题`,
    choices: '你的预测',
    keys: (count) => `键盘：按 1–${count} 或方向键，再按 Enter。`,
    right: '答对了。',
    marks: { right: '正确答案', yours: '你的答案' },
    wrong: (answer) => `不对：正确答案是 ${answer}。`,
    score: (right, answered) => `得分：${right} / ${answered}`,
    explanation: '解释',
    seeNarration: '上方的讲解说明了这一步做了什么。',
    next: '下一题',
    done: (right, answered) => `这是最后一题。你答了 ${answered} 题，答对 ${right} 题。`,
    leave: '退出测验',
    none: '这条轨迹没有可以提问的步骤。',
  },
};
