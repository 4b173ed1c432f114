// gifenc 1.0.3 ships no types: the part of its API the GIF worker uses (see its README).
declare module 'gifenc' {
  export type Palette = number[][];
  export interface WriteFrameOptions {
    readonly palette?: Palette;
    /** In milliseconds. */
    readonly delay?: number;
    /** -1 once, 0 forever, n times more (read from the first frame). */
    readonly repeat?: number;
  }
  export interface Encoder {
    writeFrame(index: Uint8Array, width: number, height: number, options?: WriteFrameOptions): void;
    finish(): void;
    bytes(): Uint8Array;
  }
  export function GIFEncoder(): Encoder;
  export function quantize(
    rgba: Uint8Array | Uint8ClampedArray,
    maxColors: number,
    options?: { readonly format?: 'rgb565' | 'rgb444' | 'rgba4444'; readonly useSqrt?: boolean },
  ): Palette;
  export function nearestColorIndex(palette: Palette, pixel: readonly number[]): number;
  export function applyPalette(rgba: Uint8Array | Uint8ClampedArray, palette: Palette): Uint8Array;
}
