import type { Note } from '../trace/types';

/** A quiz note: an id of QUIZ_NARRATION (quiz-narration.ts) and its parameters. */
export const quizNote = (id: string, params: Note['params'] = {}): Note => ({ id: `quiz.${id}`, params });

/** A choice label that is the same in both languages: an address, a device id, a node name. */
export const literal = (text: string): Note => quizNote('literal', { text });
