// The GIF worker: quantises and LZW-encodes frames with gifenc off the page's main thread,
// so a forty-frame GIF leaves the page responsive. Loaded by gif-encoder.ts.
import { GIFEncoder, type Encoder } from 'gifenc';
import { indexPixels, paletteOf } from './gif-palette';
import type { GifReply, GifRequest } from './gif-messages';

/** The worker's global scope, as far as this file uses it (the project's types are the page's DOM ones). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<GifRequest>) => void) | null;
  postMessage(reply: GifReply, transfer?: Transferable[]): void;
};

let encoder: Encoder | null = null;
let size = { width: 0, height: 0, delayMs: 1000 };
let frames = 0;

scope.onmessage = ({ data }) => {
  try {
    if (data.kind === 'start') {
      encoder = GIFEncoder();
      size = data;
      frames = 0;
    } else if (data.kind === 'frame') {
      const rgba = new Uint8ClampedArray(data.rgba);
      // A palette per frame (each GIF frame may have its own): a step's highlight keeps its colour.
      const palette = paletteOf(rgba);
      // repeat 0: loop forever, as the article's GIFs do.
      encoder!.writeFrame(indexPixels(rgba, palette), size.width, size.height, { palette, delay: size.delayMs, repeat: 0 });
      scope.postMessage({ kind: 'encoded', frames: ++frames });
    } else {
      encoder!.finish();
      const bytes = encoder!.bytes().slice().buffer;
      encoder = null;
      scope.postMessage({ kind: 'done', bytes }, [bytes]);
    }
  } catch (e) {
    encoder = null;
    scope.postMessage({ kind: 'failed', message: e instanceof Error ? e.message : String(e), memory: e instanceof RangeError });
  }
};
