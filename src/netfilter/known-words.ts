import type { RuleWords } from './rule-words';

/**
 * A fixed set of words (option names, module names, targets) found in a rule line in
 * place: the word's own string is never made, and what is returned is the set's string,
 * one copy shared by every rule.
 */
export interface KnownWords {
  /** The words by length, each list in the order given. */
  readonly byLength: readonly (readonly string[] | undefined)[];
  readonly all: ReadonlySet<string>;
}

export function knownWords(list: Iterable<string>): KnownWords {
  const byLength: string[][] = [];
  const all = new Set(list);
  for (const w of all) (byLength[w.length] ??= []).push(w);
  return { byLength, all };
}

/** The known word that word `i` of the line reads (quoted or not), or undefined. */
export function findKnown(known: KnownWords, words: RuleWords, i: number): string | undefined {
  const quoted = words.quotedText[i];
  if (quoted !== undefined) return known.all.has(quoted) ? quoted : undefined;
  const start = words.starts[i]!;
  const candidates = known.byLength[words.ends[i]! - start];
  if (candidates === undefined) return undefined;
  const line = words.line;
  for (const w of candidates) if (line.startsWith(w, start)) return w;
  return undefined;
}
