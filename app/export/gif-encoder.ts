import type { GifReply, GifRequest } from './gif-messages';
import { ExportError } from './rasterise';
import { spawnGifWorker } from './spawn-gif-worker';

/** The part of a Worker this uses, so tests can hand in a fake one. */
export interface GifWorkerLike {
  postMessage(request: GifRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<GifReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** An animation to encode: its size, how long each frame shows, and each frame's pixels on demand. */
export interface GifJob {
  readonly width: number;
  readonly height: number;
  readonly delayMs: number;
  readonly frames: number;
  /** Frame `i`'s RGBA pixels, width x height; made when the encoder is ready for it. */
  readonly pixelsAt: (i: number) => Promise<Uint8ClampedArray>;
}

/** Frames made ahead of the encoder at most: the page never holds a whole animation's pixels. */
const AHEAD = 2;

/**
 * Encodes an animation as a GIF in a Web Worker (gifenc), frame by frame as the page makes them.
 * `onProgress` hears how many frames are encoded; aborting `signal` ends the worker at once and
 * rejects with the signal's reason. One worker per GIF: it holds nothing between exports.
 */
export function encodeGif(
  job: GifJob,
  onProgress: (encoded: number) => void,
  signal: AbortSignal,
  spawn: () => GifWorkerLike = spawnGifWorker,
): Promise<Blob> {
  const worker = spawn();
  let encoded = 0;
  let wake: (() => void) | null = null;
  return new Promise<Blob>((resolve, reject) => {
    let over = false;
    const stop = (error: unknown) => {
      if (over) return;
      over = true;
      worker.terminate();
      wake?.();
      reject(error);
    };
    signal.addEventListener('abort', () => stop(signal.reason), { once: true });
    worker.onerror = (event) => stop(new ExportError('worker', event.message));
    worker.onmessage = ({ data }) => {
      if (data.kind === 'encoded') {
        onProgress((encoded = data.frames));
        wake?.();
      } else if (data.kind === 'done') {
        over = true;
        worker.terminate();
        resolve(new Blob([data.bytes], { type: 'image/gif' }));
      } else stop(new ExportError(data.memory ? 'memory' : 'worker', data.message));
    };
    const frames = { encoded: () => encoded, waitForEncoder: () => new Promise<void>((r) => (wake = r)), stopped: () => over };
    feed(job, worker, frames).catch(stop);
  });
}

/** How the feeder sees the encoder: frames encoded so far, a wait for the next, whether the export ended. */
interface EncoderState {
  readonly encoded: () => number;
  readonly waitForEncoder: () => Promise<void>;
  readonly stopped: () => boolean;
}

/** Sends the frames, never more than AHEAD of the encoder, then "finish". */
async function feed(job: GifJob, worker: GifWorkerLike, state: EncoderState): Promise<void> {
  worker.postMessage({ kind: 'start', width: job.width, height: job.height, delayMs: job.delayMs });
  for (let i = 0; i < job.frames; i++) {
    while (i - state.encoded() >= AHEAD && !state.stopped()) await state.waitForEncoder();
    if (state.stopped()) return;
    const pixels = await job.pixelsAt(i);
    if (state.stopped()) return;
    const buffer = pixels.buffer as ArrayBuffer;
    worker.postMessage({ kind: 'frame', rgba: buffer }, [buffer]);
  }
  worker.postMessage({ kind: 'finish' });
}
