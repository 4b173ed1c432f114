import type { AppState } from '../store/types';
import type { ExportTarget } from './export-target';
import { FRAME_DELAY_MS, planFrames, type StepRange } from './frame-plan';
import { encodeGif } from './gif-encoder';
import { canvasPixels, ExportError, rasteriseSvg } from './rasterise';

/**
 * The GIF of the view on screen: its frames drawn off screen one at a time (the article
 * figure's pictures, or the cluster view's `range` of steps), each rasterised at the view's
 * size and handed to the encoder's worker. `onStart` hears how many frames there will be,
 * `onProgress` how many are encoded; aborting `signal` stops it all and rejects.
 */
export async function makeGif(
  target: ExportTarget,
  state: AppState,
  range: StepRange,
  progress: { readonly onStart: (frames: number) => void; readonly onProgress: (encoded: number) => void },
  signal: AbortSignal,
): Promise<Blob> {
  const plan = await planFrames(target, state, range);
  try {
    if (plan.frames < 1) throw new ExportError('image');
    progress.onStart(plan.frames);
    const pixelsAt = async (i: number) => canvasPixels(await rasteriseSvg(await plan.svgAt(i), target.width, target.height, 1));
    const job = { width: target.width, height: target.height, delayMs: FRAME_DELAY_MS, frames: plan.frames, pixelsAt };
    return await encodeGif(job, progress.onProgress, signal);
  } finally {
    plan.dispose();
  }
}
