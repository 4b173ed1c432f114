import { err, ok, type Result } from '../net/result';

/** One word of nft syntax: a bare word, a quoted string (unquoted here) or one of `{ } ; , =`. */
export interface NftToken {
  readonly text: string;
  /** True for a "quoted string": never a keyword or punctuation. */
  readonly quoted: boolean;
  /** Where it starts and ends in its line (quotes included), so a rule keeps its text as written. */
  readonly start: number;
  readonly end: number;
}

const PUNCTUATION = new Set(['{', '}', ';', ',']);

/**
 * Splits one line of nft input into tokens, as nft's scanner sees them for the syntax
 * kube-proxy writes: words end at blanks and at `{ } ; ,` (which nft list glues to words:
 * `priority filter;`, `a, b`), so chain names with `/` and `.` and IPv6 addresses with
 * `:` stay whole. A `#` outside quotes starts a comment.
 *
 * @example tokenizeNft('add rule ip t c ip daddr { 10.0.0.1, 10.0.0.2 } drop').map((t) => t.text)
 */
export function tokenizeNft(line: string): Result<readonly NftToken[]> {
  const out: NftToken[] = [];
  let word = '';
  let wordStart = 0;
  const flush = (): void => {
    if (word !== '') out.push({ text: word, quoted: false, start: wordStart, end: wordStart + word.length });
    word = '';
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') {
      flush();
      let text = '';
      let j = i + 1;
      // A backslash escapes the next character, except `\*`: an interface name's literal star (not a wildcard), kept as written.
      for (; j < line.length && line[j] !== '"'; j++)
        text += line[j] === '\\' && j + 1 < line.length && line[j + 1] !== '*' ? line[++j] : line[j];
      if (j >= line.length) return err('a quoted string is not closed');
      out.push({ text, quoted: true, start: i, end: j + 1 });
      i = j;
    } else if (c === '#') {
      break;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      flush();
    } else if (PUNCTUATION.has(c)) {
      flush();
      out.push({ text: c, quoted: false, start: i, end: i + 1 });
    } else {
      if (word === '') wordStart = i;
      word += c;
    }
  }
  flush();
  return ok(out);
}
