/**
 * A rough advance width for a label in the drawing's font (Helvetica metrics:
 * Liberation Sans and Arial match them), so boxes fit their text without
 * measuring the DOM: the layout stays pure and the same in jsdom and Chromium.
 */
const NARROW = new Set([...' .:,;!|/()[]ijlft\'']);
const WIDE = new Set([...'MWmw@%']);

export function textWidth(text: string, size: number): number {
  let units = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) units += 278;
    else if (WIDE.has(ch)) units += 850;
    else if (ch >= 'A' && ch <= 'Z') units += 700;
    else if (ch.charCodeAt(0) > 0x2e80) units += 1000; // CJK glyphs are square
    else units += 556; // digits and most lower-case letters
  }
  return (units * size) / 1000;
}
