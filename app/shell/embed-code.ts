import type { View } from '../store/types';

export interface EmbedSize {
  readonly width: number;
  readonly height: number;
}

/**
 * The iframe's size for each view. The article figure's is the smallest frame
 * that shows the figure at its own 1012 x 702 px with the narration beside it
 * and the controls under it (the embedded page's wide layout, classic-pane.css;
 * a browser test opens the snippet at this size and measures the figure). The
 * cluster view zooms to fit any frame; the list scrolls inside it.
 */
export const EMBED_SIZES: Readonly<Record<View, EmbedSize>> = {
  classic: { width: 1380, height: 880 },
  cluster: { width: 960, height: 640 },
  list: { width: 800, height: 640 },
};

export interface EmbedCodeOptions {
  /** The absolute URL of the frame on screen, with `embed=1`. */
  readonly src: string;
  /** The iframe's accessible name. */
  readonly title: string;
  readonly view: View;
}

/** `&`, `<`, `>` and `"` as character references: the text is safe inside a double-quoted attribute. */
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The HTML that embeds the frame on screen in another page: an iframe sized
 * for the view, named by its title, shrinking with a narrower column
 * (`max-width: 100%`; the embedded page fits its figure to whatever it gets).
 */
export function embedCode({ src, title, view }: EmbedCodeOptions): string {
  const { width, height } = EMBED_SIZES[view];
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="${width}" height="${height}"` +
    ` style="border:0;max-width:100%" loading="lazy"></iframe>`
  );
}
