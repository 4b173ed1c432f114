import { box, type Box } from './geometry';
import { textWidth } from './text-width';

export interface TextBoxOptions {
  /** `text-anchor`: where `x` is on the line. */
  readonly anchor?: 'start' | 'middle' | 'end';
  /** `dominant-baseline`: `y` is the alphabetic baseline, or the middle of the line. */
  readonly baseline?: 'alphabetic' | 'central';
  readonly bold?: boolean;
  /** Slanted glyphs overhang their advance at the end of the line. */
  readonly italic?: boolean;
}

/** Bold Helvetica runs up to 12% wider than the regular widths textWidth knows ("host": 2111 units against 1890). */
const BOLD = 1.12;
/** An italic line's last glyph leans past its advance by about this much of the size. */
const ITALIC_OVERHANG = 0.15;

/** Any CJK glyph: the line then takes the CJK font's taller ascent and descent. */
const CJK = /[\u2e80-\u9fff\uff00-\uffef]/;

/**
 * The box a line of SVG text covers on the canvas, as Chromium measures a
 * `<text>` (its advance across; the font's ascent to descent up and down:
 * Liberation Sans 0.905/0.212 em, Noto Sans CJK 1.16/0.288 em), rounded up a
 * little so an estimate is never smaller than the drawing.
 */
export function textBox(x: number, y: number, text: string, size: number, options: TextBoxOptions = {}): Box {
  const w = textWidth(text, size) * (options.bold ? BOLD : 1) + (options.italic ? ITALIC_OVERHANG * size : 0);
  const left = options.anchor === 'middle' ? x - w / 2 : options.anchor === 'end' ? x - w : x;
  const [ascent, descent] = CJK.test(text) ? [1.17, 0.3] : [0.92, 0.23];
  const h = (ascent + descent) * size;
  const top = options.baseline === 'central' ? y - h / 2 : y - ascent * size;
  // A pixel each side for hinting and sub-pixel positioning, which make Chromium's advances a little wider.
  return box(left - 1, top, w + 2, h);
}
