import LZString from 'lz-string';

/** lz-string's URI-safe alphabet; a space is a `+` that a query string decoded. */
const LINK_ALPHABET = /^[A-Za-z0-9+\-$ ]+$/;

/** Why a link's compressed parameter could not be read back into text. */
export type LinkTextProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'too-long'; readonly chars: number; readonly limit: number }
  /** Characters lz-string never writes: not a value this page made. */
  | { readonly kind: 'alphabet' }
  /** lz-string's characters that decompress to nothing: cut short or altered. */
  | { readonly kind: 'corrupt' };

/** Options of `decompressLinkText`. */
export interface DecompressLinkOptions {
  /** The longest parameter read: checked before anything is decompressed (lz-string's output can grow with the square of its input). */
  readonly maxChars: number;
}

/**
 * Text as a link's parameter: compressed with lz-string into URI-safe characters
 * (the `s=` scenario link and the Your node tab's `node=` link).
 * @example decompressLinkText(compressLinkText('abc'), { maxChars: 100 }) // { ok: true, text: 'abc' }
 */
export function compressLinkText(text: string): string {
  return LZString.compressToEncodedURIComponent(text);
}

/**
 * A link's untrusted compressed parameter back into text: the length is checked
 * before decompressing, then lz-string's alphabet; malformed or truncated data
 * comes back as a problem. Never throws.
 * @example decompressLinkText('garbage!', { maxChars: 100 }) // { ok: false, problem: { kind: 'alphabet' } }
 */
export function decompressLinkText(
  value: string,
  options: DecompressLinkOptions,
): { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: LinkTextProblem } {
  if (typeof value !== 'string' || value.length === 0) return { ok: false, problem: { kind: 'empty' } };
  if (value.length > options.maxChars) return { ok: false, problem: { kind: 'too-long', chars: value.length, limit: options.maxChars } };
  if (!LINK_ALPHABET.test(value)) return { ok: false, problem: { kind: 'alphabet' } };
  let text: string | null;
  try {
    text = LZString.decompressFromEncodedURIComponent(value);
  } catch {
    text = null;
  }
  if (typeof text !== 'string' || text.length === 0) return { ok: false, problem: { kind: 'corrupt' } };
  return { ok: true, text };
}
