/**
 * The advance width of a label in the drawing's font, from Helvetica's
 * published metrics (units per 1000 em; Liberation Sans and Arial match them),
 * so boxes fit their text and the callout's strike line ends where the old
 * address ends, without measuring the DOM: the same in jsdom and Chromium.
 */
const WIDTHS: Readonly<Record<string, number>> = {
  ' ': 278, '.': 278, ':': 278, ',': 278, ';': 278, '/': 278, '-': 333, '(': 333, ')': 333, '[': 278, ']': 278, '+': 584, '→': 584, '·': 278,
  A: 667, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 500, K: 667, L: 556, M: 833,
  N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611,
  a: 556, b: 556, c: 500, d: 556, e: 556, f: 278, g: 556, h: 556, i: 222, j: 222, k: 500, l: 222, m: 833,
  n: 556, o: 556, p: 556, q: 556, r: 333, s: 500, t: 278, u: 556, v: 500, w: 722, x: 500, y: 500, z: 500,
};

/** Width in px of `text` at `size` px: digits and unlisted Latin glyphs are 556, CJK glyphs a full em. */
export function textWidth(text: string, size: number): number {
  let units = 0;
  for (const ch of text) units += WIDTHS[ch] ?? (ch.charCodeAt(0) > 0x2e80 ? 1000 : 556);
  return (units * size) / 1000;
}
