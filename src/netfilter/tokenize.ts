import { err, ok, type Result } from '../net/result';

/** The words of a rule line; `quoted[i]` marks words that were quoted (never read as options). */
export interface Words {
  readonly words: readonly string[];
  /** null when nothing was quoted (the common case, no per-word flags allocated). */
  readonly quoted: readonly boolean[] | null;
}

/**
 * Splits a rule line into words the way iptables-restore does (add_param_to_argv in
 * iptables/xshared.c): whitespace separates words, single or double quotes group
 * them, and a backslash escapes the next character inside quotes.
 */
export function tokenize(line: string): Result<Words> {
  // Fast paths for a line without quotes: single spaces split on a string (no regex), else on runs of blanks.
  if (line.indexOf('"') < 0 && line.indexOf("'") < 0) {
    if (line !== '' && line.indexOf('  ') < 0 && line.indexOf('\t') < 0 && line.indexOf('\r') < 0 && line.charCodeAt(0) !== 32) {
      return ok({ words: line.split(' '), quoted: null });
    }
    const words = line.split(/[ \t\r]+/);
    return ok({ words: words[0] === '' ? words.slice(1) : words, quoted: null });
  }
  const words: string[] = [];
  const quoted: boolean[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    if (i >= n) break;
    let text = '';
    let wasQuoted = false;
    while (i < n && !isSpace(line.charCodeAt(i))) {
      const c = line[i];
      if (c === '"' || c === "'") {
        wasQuoted = true;
        i++;
        // Without a backslash before the closing quote the quoted text is one slice: a flat
        // string, not one concatenation per character (kube-proxy quotes 10,000s of comments).
        const close = line.indexOf(c, i);
        if (close >= 0 && line.lastIndexOf('\\', close) < i) {
          text += line.slice(i, close);
          i = close + 1;
          continue;
        }
        while (i < n && line[i] !== c) {
          if (line[i] === '\\' && i + 1 < n) i++;
          text += line[i];
          i++;
        }
        if (i >= n) return err(`unterminated ${c === '"' ? 'double' : 'single'} quote`);
        i++;
      } else {
        const start = i;
        while (i < n && !isSpace(line.charCodeAt(i)) && line[i] !== '"' && line[i] !== "'") i++;
        text += line.slice(start, i);
      }
    }
    words.push(text);
    quoted.push(wasQuoted);
  }
  return ok({ words, quoted });
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}
