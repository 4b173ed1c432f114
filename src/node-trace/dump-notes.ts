import type { DumpNote } from './node-trace-types';

/** Adds a note about one line of a pasted dump (`name` for what is not modelled). */
export function pushNote(notes: DumpNote[], line: number, kind: DumpNote['kind'], message: string, name?: string): void {
  notes.push(name === undefined ? { line, kind, message } : { line, kind, name, message });
}

/** A pasted line as a note quotes it: its first 60 characters. */
export function cutLine(line: string): string {
  return line.length > 60 ? `${line.slice(0, 60)}...` : line;
}
