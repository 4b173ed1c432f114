import { nearestColorIndex, quantize, type Palette } from 'gifenc';

/** Colours kept exactly when a frame has more than a GIF's 256: the drawing's flat fills and strokes. */
const EXACT = 128;

/**
 * A GIF palette for one frame. A diagram is a few flat colours plus the anti-aliased edges of
 * its text and lines: when it has at most 256 colours they are all kept as they are; else its
 * 128 most used colours are kept exactly and gifenc's quantiser picks the rest. Quantising it
 * all would merge a pale grey fill with the packet's pale red and tint the node pink.
 */
export function paletteOf(rgba: Uint8Array | Uint8ClampedArray): Palette {
  const words = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.byteLength >> 2);
  const counts = new Map<number, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  const rgb = (word: number) => [word & 0xff, (word >> 8) & 0xff, (word >> 16) & 0xff];
  if (counts.size <= 256) return [...counts.keys()].map(rgb);
  const exact = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, EXACT)
    .map(([word]) => word);
  const kept = new Set(exact.map((w) => w & 0xffffff));
  const rest = quantize(rgba, 256 - EXACT, { format: 'rgb444' }).filter(([r = 0, g = 0, b = 0]) => !kept.has(r | (g << 8) | (b << 16)));
  return [...exact.map(rgb), ...rest];
}

/**
 * Each pixel's index in `palette`: its own colour when the palette has it, else the nearest.
 * (gifenc's applyPalette caches the nearest colour per 16-bit bin, from the first pixel in the
 * bin: a fill sharing its bin with an edge pixel would take the edge's colour.)
 */
export function indexPixels(rgba: Uint8Array | Uint8ClampedArray, palette: Palette): Uint8Array {
  const words = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.byteLength >> 2);
  const cache = new Map<number, number>();
  palette.forEach(([r = 0, g = 0, b = 0], i) => {
    const key = r | (g << 8) | (b << 16);
    if (!cache.has(key)) cache.set(key, i);
  });
  const index = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const key = words[i]! & 0xffffff;
    let at = cache.get(key);
    if (at === undefined) cache.set(key, (at = nearestColorIndex(palette, [key & 0xff, (key >> 8) & 0xff, (key >> 16) & 0xff])));
    index[i] = at;
  }
  return index;
}
