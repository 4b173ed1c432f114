/**
 * The advance width of a line of text in Helvetica, from the Adobe core-font
 * metrics (units per 1000 em). Liberation Sans and Arial are metric-compatible
 * with Helvetica, so the width is the same in whichever of them the browser
 * picks. The card needs it to end the strike-through one pixel past the text,
 * as the GIF's HTML `<strike>` does, without measuring the DOM (the picture must
 * be the same in jsdom, on the server and in every browser).
 */
const WIDTHS: Readonly<Record<string, number>> = {
  ' ': 278, '!': 278, '"': 355, '#': 556, $: 556, '%': 889, '&': 667, "'": 191, '(': 333, ')': 333,
  '*': 389, '+': 584, ',': 278, '-': 333, '.': 278, '/': 278, ':': 278, ';': 278, '<': 584, '=': 584,
  '>': 584, '?': 556, '@': 1015, '[': 278, '\\': 278, ']': 278, '^': 469, _: 556, '`': 333, '{': 334,
  '|': 260, '}': 334, '~': 584,
  A: 667, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 500, K: 667, L: 556, M: 833,
  N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611,
  a: 556, b: 556, c: 500, d: 556, e: 556, f: 278, g: 556, h: 556, i: 222, j: 222, k: 500, l: 222, m: 833,
  n: 556, o: 556, p: 556, q: 556, r: 333, s: 500, t: 278, u: 556, v: 500, w: 722, x: 500, y: 500, z: 500,
};
/** Digits are all 556; anything unlisted counts as a digit-wide glyph. */
const DEFAULT_WIDTH = 556;

/** Width in px of `text` at `size` px. */
export function textWidth(text: string, size: number): number {
  let units = 0;
  for (const ch of text) units += WIDTHS[ch] ?? DEFAULT_WIDTH;
  return (units * size) / 1000;
}
