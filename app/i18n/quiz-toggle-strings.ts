import type { Lang } from './lang';

/** The header's quiz switch: in the page's first chunk, apart from the quiz's own strings (quiz-strings.ts), which load with the quiz. */
export const quizToggleStrings: Readonly<Record<Lang, string>> = { en: 'Quiz', zh: '测验' };
