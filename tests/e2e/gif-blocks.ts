/** What a GIF file says about itself, read block by block (GIF89a spec, sections 17-27). */
export interface GifBlocks {
  readonly version: string;
  /** The logical screen. */
  readonly width: number;
  readonly height: number;
  /** One entry per image descriptor: each frame's size and its delay (in ms, from its graphic control extension). */
  readonly frames: readonly { readonly width: number; readonly height: number; readonly delayMs: number }[];
  /** NETSCAPE2.0 loop count (0: forever), or null when the file has none. */
  readonly loops: number | null;
}

/** Walks a GIF's blocks: the image descriptors are counted where they are, not searched for in the LZW data. */
export function readGifBlocks(gif: Uint8Array): GifBlocks {
  const u16 = (at: number) => gif[at]! | (gif[at + 1]! << 8);
  const tableSize = (packed: number) => (packed & 0x80 ? 3 * (1 << ((packed & 7) + 1)) : 0);
  const skipSubBlocks = (at: number) => {
    while (gif[at]! !== 0) at += gif[at]! + 1;
    return at + 1;
  };
  let at = 13 + tableSize(gif[10]!);
  const frames: { width: number; height: number; delayMs: number }[] = [];
  let delayMs = 0;
  let loops: number | null = null;
  while (at < gif.length && gif[at] !== 0x3b) {
    if (gif[at] === 0x21) {
      const label = gif[at + 1]!;
      if (label === 0xf9) delayMs = u16(at + 4) * 10;
      if (label === 0xff && String.fromCharCode(...gif.subarray(at + 3, at + 14)) === 'NETSCAPE2.0') loops = u16(at + 16);
      at = skipSubBlocks(at + 2);
    } else if (gif[at] === 0x2c) {
      frames.push({ width: u16(at + 5), height: u16(at + 7), delayMs });
      at = skipSubBlocks(at + 10 + tableSize(gif[at + 9]!) + 1);
    } else throw new Error(`not a GIF block at byte ${at}: 0x${gif[at]!.toString(16)}`);
  }
  return { version: String.fromCharCode(...gif.subarray(0, 6)), width: u16(6), height: u16(8), frames, loops };
}
