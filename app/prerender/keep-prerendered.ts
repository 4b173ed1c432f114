import { FIRST_FRAME_KEPT } from './first-frame-gate';

/**
 * Whether the root holds the prerendered default page and the gate found it to be this URL's
 * (then the page hydrates it). Otherwise (another page, or no gate ran) the markup is removed
 * and the gate's mark taken off <html>, so that the page rendered anew is what shows.
 */
export function keepsPrerendered(doc: Document, root: HTMLElement): boolean {
  if (!root.hasAttribute('data-prerendered')) return false;
  root.removeAttribute('data-prerendered');
  const kept = doc.documentElement.dataset.firstFrame === FIRST_FRAME_KEPT;
  delete doc.documentElement.dataset.firstFrame;
  if (!kept) root.replaceChildren();
  return kept;
}
