import { err, ok, type Result } from '../net/result';
import { tokenizeNft, type NftToken } from './tokenize';

/** One statement of nft input, which may span lines (a long `elements = { ... }`). */
export interface LogicalLine {
  /** 1-based number of its first line. */
  readonly line: number;
  readonly lastLine: number;
  /** Its lines joined by "\n": the tokens' offsets point into it. */
  readonly text: string;
  readonly tokens: readonly NftToken[];
}

const BLOCK_WORDS = new Set(['table', 'set', 'map', 'chain']);

const depthOf = (tokens: readonly NftToken[]): number =>
  tokens.reduce((d, t) => d + (t.quoted ? 0 : t.text === '{' ? 1 : t.text === '}' ? -1 : 0), 0);

/**
 * The statement that starts at line `i` (0-based) with these tokens. A block's opening
 * line (`chain foo {`) stands alone; any other line with an unclosed `{` takes the next
 * lines until its braces close.
 */
export function untilClosed(lines: readonly string[], i: number, tokens: readonly NftToken[]): Result<LogicalLine> {
  let depth = depthOf(tokens);
  const opener = tokens.length >= 2 && tokens.at(-1)!.text === '{' && BLOCK_WORDS.has(tokens[0]!.text) && depth === 1;
  const all = [...tokens];
  const texts = [lines[i]!];
  let shift = 0;
  let last = i;
  // Tokens and depth grow line by line (a listed map of 10,000 elements spans thousands of lines).
  while (!opener && depth > 0) {
    last++;
    if (last >= lines.length) return err(`line ${i + 1}: a "{" is not closed`);
    const more = tokenizeNft(lines[last]!);
    if (!more.ok) return err(`line ${last + 1}: ${more.error}`);
    shift += texts[texts.length - 1]!.length + 1;
    for (const t of more.value) all.push({ ...t, start: t.start + shift, end: t.end + shift });
    depth += depthOf(more.value);
    texts.push(lines[last]!);
  }
  return ok({ line: i + 1, lastLine: last, text: texts.join('\n'), tokens: all });
}

/** Statements separated by `;` (empty ones dropped). */
export function splitStatements(tokens: readonly NftToken[]): NftToken[][] {
  const out: NftToken[][] = [[]];
  for (const t of tokens) {
    if (t.text === ';' && !t.quoted) out.push([]);
    else out.at(-1)!.push(t);
  }
  return out.filter((s) => s.length > 0);
}
