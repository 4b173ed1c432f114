/** Why a picture could not be made, in words the export names to the person. */
export type ExportFailure = 'tainted' | 'memory' | 'image' | 'worker';

/** An export that failed for a known reason (the status line says which). */
export class ExportError extends Error {
  constructor(
    readonly reason: ExportFailure,
    cause?: unknown,
  ) {
    super(`export failed: ${reason}`, { cause });
  }
}

/** Maps what a canvas throws to a reason: a SecurityError is a tainted canvas, a RangeError or a null context is memory. */
export function failureOf(error: unknown): ExportError {
  if (error instanceof ExportError) return error;
  if (error instanceof DOMException && error.name === 'SecurityError') return new ExportError('tainted', error);
  if (error instanceof RangeError) return new ExportError('memory', error);
  return new ExportError('image', error);
}

/**
 * Loads an SVG document as an image, from a data: URL: the Content-Security-Policy the README
 * gives hosts allows images from 'self' and data: only (not blob:).
 */
async function loadSvgImage(svgText: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode().catch((e: unknown) => {
    throw new ExportError('image', e);
  });
  return image;
}

/**
 * Draws a standalone SVG onto a canvas of `width` x `height` CSS px at `scale` (2 for slides):
 * the browser's own renderer, so the picture is the page's. Throws ExportError('memory') when
 * the browser cannot give a canvas that large.
 */
export async function rasteriseSvg(svgText: string, width: number, height: number, scale: number): Promise<HTMLCanvasElement> {
  const image = await loadSvgImage(svgText);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d', { willReadFrequently: scale === 1 });
  if (!context) throw new ExportError('memory');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/** The canvas as PNG bytes; a tainted canvas or one too large to encode is named. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    try {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new ExportError('memory'))), 'image/png');
    } catch (e) {
      reject(failureOf(e));
    }
  });
}

/** The canvas's pixels (RGBA, row by row), for the GIF encoder. */
export function canvasPixels(canvas: HTMLCanvasElement): Uint8ClampedArray {
  try {
    return canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  } catch (e) {
    throw failureOf(e);
  }
}
