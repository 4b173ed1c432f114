import { err, ok, type Result } from '../net/result';

/** A word of a rule line; `quoted` words are never read as options. */
export interface Token {
  readonly text: string;
  readonly quoted: boolean;
}

/**
 * Splits a rule line into words the way iptables-restore does (add_param_to_argv in
 * iptables/xshared.c): whitespace separates words, single or double quotes group
 * them, and a backslash escapes the next character inside quotes.
 */
export function tokenize(line: string): Result<readonly Token[]> {
  const tokens: Token[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    if (i >= n) break;
    let text = '';
    let quoted = false;
    while (i < n && !isSpace(line.charCodeAt(i))) {
      const c = line[i];
      if (c === '"' || c === "'") {
        quoted = true;
        const close = c;
        i++;
        while (i < n && line[i] !== close) {
          if (line[i] === '\\' && i + 1 < n) i++;
          text += line[i];
          i++;
        }
        if (i >= n) return err(`unterminated ${close === '"' ? 'double' : 'single'} quote`);
        i++;
      } else {
        text += c;
        i++;
      }
    }
    tokens.push({ text, quoted });
  }
  return ok(tokens);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}
