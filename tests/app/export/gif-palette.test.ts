import { describe, expect, it } from 'vitest';
import { indexPixels, paletteOf } from '../../../app/export/gif-palette';

/** An RGBA image from a list of [colour, how many pixels]. */
function image(runs: readonly (readonly [readonly [number, number, number], number])[]): Uint8ClampedArray {
  const pixels: number[] = [];
  for (const [[r, g, b], n] of runs) for (let i = 0; i < n; i++) pixels.push(r, g, b, 255);
  return new Uint8ClampedArray(pixels);
}

const GREY: [number, number, number] = [245, 245, 245];
const DOT: [number, number, number] = [248, 206, 204];
/** 400 different anti-aliasing shades between the two, a few pixels each. */
const shades = Array.from({ length: 400 }, (_, i) => [[200 + (i % 50), 150 + Math.floor(i / 50), 100 + (i % 7)] as const, 2] as const);

const colourAt = (rgba: Uint8ClampedArray, palette: number[][], i: number) => palette[indexPixels(rgba, palette)[i]!];

describe('paletteOf and indexPixels', () => {
  it('keep every colour of a frame that has at most 256 as it is', () => {
    const rgba = image([
      [GREY, 100],
      [DOT, 10],
      [[0, 0, 0], 5],
    ]);
    const palette = paletteOf(rgba);
    expect(palette).toHaveLength(3);
    expect([0, 100, 110].map((i) => colourAt(rgba, palette, i))).toEqual([GREY, DOT, [0, 0, 0]]);
  });

  it('keep a frame’s flat fills exact when it has more colours than a GIF holds: the node stays grey next to the pink dot', () => {
    const rgba = image([[GREY, 5000], [DOT, 300], ...shades]);
    const palette = paletteOf(rgba);
    expect(palette.length).toBeLessThanOrEqual(256);
    expect(colourAt(rgba, palette, 0)).toEqual(GREY);
    expect(colourAt(rgba, palette, 5000)).toEqual(DOT);
  });

  it('give a colour left out of the palette its nearest', () => {
    const palette = [
      [0, 0, 0],
      [250, 250, 250],
    ];
    expect(
      indexPixels(
        image([
          [[240, 240, 240], 1],
          [[20, 10, 0], 1],
        ]),
        palette,
      ),
    ).toEqual(new Uint8Array([1, 0]));
  });
});
