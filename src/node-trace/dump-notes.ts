import type { DumpNote, DumpNoteCode, DumpNoteParams } from './node-trace-types';

/** Adds a note about one line of a pasted dump (`name` for what is not modelled). */
export function pushNote<C extends DumpNoteCode>(
  notes: DumpNote[],
  line: number,
  kind: DumpNote['kind'],
  code: C,
  params: DumpNoteParams[C],
  name?: string,
): void {
  const note = { line, kind, code, params, ...(name === undefined ? {} : { name }) } as DumpNote;
  notes.push(note);
}

/** A pasted line as a note quotes it: its first 60 characters. */
export function cutLine(line: string): string {
  return line.length > 60 ? `${line.slice(0, 60)}...` : line;
}
