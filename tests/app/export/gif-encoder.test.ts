import { describe, expect, it } from 'vitest';
import { encodeGif, type GifWorkerLike } from '../../../app/export/gif-encoder';
import type { GifReply, GifRequest } from '../../../app/export/gif-messages';
import { ExportError } from '../../../app/export/rasterise';

/** A stand-in worker: it records what the page sends; the test plays its replies. */
class FakeWorker implements GifWorkerLike {
  readonly sent: GifRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<GifReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(request: GifRequest) {
    this.sent.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: GifReply) {
    this.onmessage?.({ data } as MessageEvent<GifReply>);
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const job = (frames: number) => ({
  width: 2,
  height: 1,
  delayMs: 1000,
  frames,
  pixelsAt: async (i: number) => new Uint8ClampedArray([i, 0, 0, 255, i, 0, 0, 255]),
});

describe('encodeGif', () => {
  it('sends the size, then the frames no more than two ahead of the encoder, reports progress, and returns the GIF', async () => {
    const worker = new FakeWorker();
    const progress: number[] = [];
    const gif = encodeGif(
      job(4),
      (n) => progress.push(n),
      new AbortController().signal,
      () => worker,
    );
    await settle();
    expect(worker.sent.map((m) => m.kind)).toEqual(['start', 'frame', 'frame']);
    worker.reply({ kind: 'encoded', frames: 1 });
    worker.reply({ kind: 'encoded', frames: 2 });
    await settle();
    expect(worker.sent.map((m) => m.kind)).toEqual(['start', 'frame', 'frame', 'frame', 'frame', 'finish']);
    worker.reply({ kind: 'encoded', frames: 3 });
    worker.reply({ kind: 'encoded', frames: 4 });
    worker.reply({ kind: 'done', bytes: new TextEncoder().encode('GIF89a').buffer });
    const blob = await gif;
    expect(blob.type).toBe('image/gif');
    expect(new TextDecoder().decode(await blob.arrayBuffer())).toBe('GIF89a');
    expect(progress).toEqual([1, 2, 3, 4]);
    expect(worker.terminated).toBe(true);
  });

  it('ends the worker at once on Cancel and sends no more frames', async () => {
    const worker = new FakeWorker();
    const controller = new AbortController();
    const gif = encodeGif(
      job(10),
      () => {},
      controller.signal,
      () => worker,
    );
    await settle();
    const reason = new Error('cancelled');
    controller.abort(reason);
    await expect(gif).rejects.toBe(reason);
    expect(worker.terminated).toBe(true);
    worker.reply({ kind: 'encoded', frames: 2 });
    await settle();
    expect(worker.sent.filter((m) => m.kind === 'frame')).toHaveLength(2);
  });

  it('names a worker that ran out of memory', async () => {
    const worker = new FakeWorker();
    const gif = encodeGif(
      job(1),
      () => {},
      new AbortController().signal,
      () => worker,
    );
    await settle();
    worker.reply({ kind: 'failed', message: 'Array buffer allocation failed', memory: true });
    await expect(gif).rejects.toEqual(new ExportError('memory'));
    await expect(gif).rejects.toMatchObject({ reason: 'memory' });
  });

  it('passes on why a frame could not be drawn (a tainted canvas)', async () => {
    const worker = new FakeWorker();
    const failing = { ...job(3), pixelsAt: () => Promise.reject(new ExportError('tainted')) };
    await expect(
      encodeGif(
        failing,
        () => {},
        new AbortController().signal,
        () => worker,
      ),
    ).rejects.toMatchObject({ reason: 'tainted' });
    expect(worker.terminated).toBe(true);
  });
});
