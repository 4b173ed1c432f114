import type { NftToken } from './tokenize';

/** Reads tokens left to right; `fail` builds the error a parser returns. */
export class TokenCursor {
  private i = 0;

  constructor(private readonly tokens: readonly NftToken[]) {}

  /** The next token's text ('' at the end); quoted strings never equal a keyword. */
  peek(ahead = 0): string {
    const t = this.tokens[this.i + ahead];
    return t === undefined ? '' : t.quoted ? `"${t.text}` : t.text;
  }

  /** How many tokens have been taken. */
  get taken(): number {
    return this.i;
  }

  atEnd(): boolean {
    return this.i >= this.tokens.length;
  }

  next(): string {
    const t = this.tokens[this.i++];
    return t?.text ?? '';
  }

  /** Takes the next token when it is `word`. */
  accept(word: string): boolean {
    if (this.peek() !== word) return false;
    this.i++;
    return true;
  }

  /** The rest of the tokens' texts, for an error message. */
  rest(): string {
    return this.tokens
      .slice(this.i)
      .map((t) => (t.quoted ? `"${t.text}"` : t.text))
      .join(' ');
  }
}
