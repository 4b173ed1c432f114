/** What the page sends the GIF worker: the size and delay, then each frame's pixels, then "finish". */
export type GifRequest =
  | { readonly kind: 'start'; readonly width: number; readonly height: number; readonly delayMs: number }
  | { readonly kind: 'frame'; readonly rgba: ArrayBuffer }
  | { readonly kind: 'finish' };

/** What it sends back: a frame encoded, the file, or why it could not go on. */
export type GifReply =
  | { readonly kind: 'encoded'; readonly frames: number }
  | { readonly kind: 'done'; readonly bytes: ArrayBuffer }
  | { readonly kind: 'failed'; readonly message: string; readonly memory: boolean };
