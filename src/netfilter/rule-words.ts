/**
 * The words of one rule line as spans of the line: a word becomes a string only when a
 * parser keeps it. A 320,000-rule ruleset has ~3 million words; splitting every line into
 * strings made most of what parsing it allocated.
 */
export interface RuleWords {
  line: string;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** A quoted word's text (quotes removed, escapes applied); undefined for a plain word. */
  readonly quotedText: (string | undefined)[];
  /** Set when no line to come has a tab, a CR or a single quote. */
  plain: boolean;
}

/** Scratch spans for rule lines, reused line after line. */
export function newRuleWords(): RuleWords {
  return { line: '', count: 0, starts: new Int32Array(64), ends: new Int32Array(64), quotedText: [], plain: false };
}

/**
 * Splits a rule line into words the way iptables-restore does (add_param_to_argv in
 * iptables/xshared.c): blanks (space, tab, CR) separate words, single or double quotes
 * group them, and a backslash escapes the next character inside quotes. Returns an
 * error message, or null with `words` filled.
 */
export function tokenize(line: string, words: RuleWords): string | null {
  words.line = line;
  words.count = 0;
  const n = line.length;
  // Most lines are words between single spaces: found by the native indexOf, not char by char.
  if (n > 0 && line.indexOf('"') < 0 && (words.plain || !hasBlankOrQuote(line)) && splitOnSpaces(line, words)) return null;
  words.count = 0;
  let i = 0;
  while (i < n) {
    while (i < n && isBlank(line.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let c = line.charCodeAt(i);
    while (i < n && !isBlank(c) && c !== 34 && c !== 39) c = line.charCodeAt(++i);
    let quoted: string | undefined;
    if (i < n && !isBlank(c)) {
      const read = readQuotedWord(line, start);
      if (typeof read === 'string') return read;
      quoted = read.text;
      i = read.end;
    }
    push(words, start, i, quoted);
  }
  return null;
}

/** A single quote, a tab or a CR. */
function hasBlankOrQuote(line: string): boolean {
  return line.indexOf("'") >= 0 || line.indexOf('\t') >= 0 || line.indexOf('\r') >= 0;
}

/** Words between single spaces; false (words half filled) at a space that starts or doubles. */
function splitOnSpaces(line: string, words: RuleWords): boolean {
  const n = line.length;
  for (let i = 0; i < n;) {
    const space = line.indexOf(' ', i);
    const end = space < 0 ? n : space;
    if (end === i) return false;
    push(words, i, end, undefined);
    i = end + 1;
  }
  return true;
}

/** A word from `start` that has quotes in it, up to the next blank outside quotes. */
function readQuotedWord(line: string, start: number): { text: string; end: number } | string {
  const n = line.length;
  let text = '';
  let i = start;
  while (i < n && !isBlank(line.charCodeAt(i))) {
    const c = line[i];
    if (c === '"' || c === "'") {
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
      if (i >= n) return `unterminated ${c === '"' ? 'double' : 'single'} quote`;
      i++;
    } else {
      const from = i;
      while (i < n && !isBlank(line.charCodeAt(i)) && line[i] !== '"' && line[i] !== "'") i++;
      text += line.slice(from, i);
    }
  }
  return { text, end: i };
}

function push(words: RuleWords, start: number, end: number, quoted: string | undefined): void {
  const k = words.count;
  if (k === words.starts.length) {
    const starts = new Int32Array(k * 2);
    const ends = new Int32Array(k * 2);
    starts.set(words.starts);
    ends.set(words.ends);
    words.starts = starts;
    words.ends = ends;
  }
  words.starts[k] = start;
  words.ends[k] = end;
  // Every index is written (no clearing between lines, no holes).
  words.quotedText[k] = quoted;
  words.count = k + 1;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}

/** Word `i` had quotes (a quoted word is never read as an option or `!`). */
export function isQuoted(words: RuleWords, i: number): boolean {
  return words.quotedText[i] !== undefined;
}

/** Word `i` as a string. */
export function wordText(words: RuleWords, i: number): string {
  return words.quotedText[i] ?? words.line.slice(words.starts[i], words.ends[i]);
}

/** Word `i` reads `text` (quoted or not), compared in place. */
export function wordIs(words: RuleWords, i: number, text: string): boolean {
  const quoted = words.quotedText[i];
  if (quoted !== undefined) return quoted === text;
  const start = words.starts[i]!;
  return words.ends[i]! - start === text.length && words.line.startsWith(text, start);
}

/** The first character code of word `i` (NaN for an empty quoted word). */
export function wordCharCode(words: RuleWords, i: number, at: number): number {
  const quoted = words.quotedText[i];
  if (quoted !== undefined) return quoted.charCodeAt(at);
  const start = words.starts[i]!;
  return start + at < words.ends[i]! ? words.line.charCodeAt(start + at) : NaN;
}
