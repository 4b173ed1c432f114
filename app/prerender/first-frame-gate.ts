import type { Size } from '../topology/cluster/follow';
import type { Box } from '../topology/cluster/geometry';
import { openingTransform, transformStyle } from '../topology/cluster/fit-transform';

/**
 * What the build knows of the page it prerendered into index.html (the default page: no
 * query), for the script that runs in <head> before the page is painted.
 */
export interface FirstFrame {
  /** The query the default page writes for itself (preset, view, step, lang): a URL with any of these, and nothing else, opens it. */
  readonly params: Readonly<Record<string, string>>;
  /** Where the editor keeps a custom scenario: a URL naming no preset opens that one instead. */
  readonly storageKey: string;
  /** The cluster view's canvas and the packet at rest with its card, to open the view as the page's code will. */
  readonly canvas: Size;
  readonly focus: Box | null;
}

/**
 * The gate's word, as `data-first-frame` on <html>: `kept`, the prerendered markup is this URL's
 * page (main.tsx hydrates it); `client`, it is not (styles.css hides it, main.tsx renders anew).
 */
export const FIRST_FRAME_KEPT = 'kept';
/** The attribute of the empty element the build puts right after the root: the prerendered markup has all been parsed. */
export const PRERENDERED_END = 'data-prerendered-end';
/** What the build writes a style attribute of the prerendered markup as (see applyInlineStyles). */
export const PRERENDERED_STYLE = 'data-prerendered-style';
const CLIENT_RENDER = 'client';
/**
 * The name of the `<meta>` the build writes in place of the page's entry `<script type="module">`,
 * its URL as content: the gate fetches and runs the page's code once the first frame is painted.
 * Not preloaded: on two cores, fetching and compiling 600 KB of script beside the parser delayed
 * that frame by a third (about 200 against 150 ms), and the page was interactive no sooner.
 */
export const PAGE_ENTRY = 'packetwalk-entry';

/** Whether the URL (and a custom scenario saved by an earlier visit) opens exactly the prerendered page. */
export function opensFirstFrame(search: string, savedScenario: boolean, frame: FirstFrame): boolean {
  const params = new URLSearchParams(search);
  for (const [name, value] of params) if (frame.params[name] !== value) return false;
  return !savedScenario || params.has('preset');
}

function hasSaved(win: Window, key: string): boolean {
  try {
    return win.localStorage.getItem(key) !== null;
  } catch {
    return false;
  }
}

/**
 * The Content-Security-Policy the README offers hosts (style-src 'self') applies no style attribute
 * parsed from HTML, and reports each: the build writes the markup's few inline styles (a timeline
 * run's share of the width) as `data-prerendered-style`, and they are set here through the CSSOM,
 * which the policy allows, as React would have set them.
 */
function applyInlineStyles(root: Element): void {
  for (const el of root.querySelectorAll<HTMLElement | SVGElement>(`[${PRERENDERED_STYLE}]`)) {
    el.style.cssText = el.getAttribute(PRERENDERED_STYLE) ?? '';
    el.removeAttribute(PRERENDERED_STYLE);
  }
}

/** Runs the page's code (see PAGE_ENTRY), as the `<script type="module" crossorigin>` it replaced would have. */
function startPageCode(doc: Document): void {
  const src = doc.querySelector<HTMLMetaElement>(`meta[name="${PAGE_ENTRY}"]`)?.content;
  if (!src) return;
  const script = doc.createElement('script');
  script.type = 'module';
  script.crossOrigin = 'anonymous';
  script.src = src;
  doc.head.append(script);
}

/** What was done on the prerendered page before its code ran: a button clicked, a key pressed. */
export type EarlyInput = { readonly kind: 'click'; readonly button: HTMLElement } | { readonly kind: 'key'; readonly event: KeyboardEvent };

/** Where the gate keeps the early input (see holdEarlyInput). */
const EARLY_INPUT = '__packetwalkEarlyInput';
type WithEarlyInput = Window & { [EARLY_INPUT]?: () => EarlyInput[] };

/**
 * The prerendered page is painted before its code runs: a button clicked meanwhile (Play, a mode,
 * a tab) or a key pressed (→, Space, a presentation clicker's PageDown) does nothing yet. The gate
 * keeps them, in order, for the page's code to act on once it has taken the markup over
 * (takeEarlyInput). Of clicks, only buttons': a link, a select, a summary or the timeline's range
 * act on their own, and doing them again would undo that.
 */
function holdEarlyInput(win: Window, root: () => HTMLElement | null): void {
  const held: EarlyInput[] = [];
  const click = (event: Event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button && root()?.contains(button)) held.push({ kind: 'click', button });
  };
  const key = (event: KeyboardEvent) => held.push({ kind: 'key', event });
  win.document.addEventListener('click', click, true);
  win.addEventListener('keydown', key, true);
  (win as WithEarlyInput)[EARLY_INPUT] = () => {
    win.document.removeEventListener('click', click, true);
    win.removeEventListener('keydown', key, true);
    delete (win as WithEarlyInput)[EARLY_INPUT];
    return held.splice(0);
  };
}

/** What was clicked and pressed on the prerendered page before its code ran, in order (nothing if no gate kept it); stops keeping it. */
export function takeEarlyInput(win: Window): EarlyInput[] {
  return (win as WithEarlyInput)[EARLY_INPUT]?.() ?? [];
}

/** Calls `then` once the whole document is parsed (a module script is deferred until then). */
function whenParsed(win: Window, then: () => void): void {
  if (win.document.readyState !== 'loading') then();
  else win.document.addEventListener('DOMContentLoaded', then, { once: true });
}

/**
 * Runs in <head>, before anything is painted. A URL that opens another page (a shared link,
 * a saved scenario) gets the prerendered markup hidden before its first paint, and the page's
 * code runs as soon as the document is parsed; the default page gets its cluster view opened on
 * the window's size at the first animation frame after the markup is parsed (every paint follows
 * one), as the page's code will open it, and the page's code runs once that frame is painted.
 */
export function gateFirstFrame(win: Window, frame: FirstFrame): void {
  const doc = win.document;
  if (!opensFirstFrame(win.location.search, hasSaved(win, frame.storageKey), frame)) {
    doc.documentElement.dataset.firstFrame = CLIENT_RENDER;
    whenParsed(win, () => startPageCode(doc));
    return;
  }
  doc.documentElement.dataset.firstFrame = FIRST_FRAME_KEPT;
  holdEarlyInput(win, () => doc.getElementById('root'));
  let opened = false;
  const open = (root: HTMLElement) => {
    opened = true;
    openView(root, frame);
  };
  const place = () => {
    if (opened) return;
    const root = doc.getElementById('root');
    // Parsed up to the mark after the root (or the whole page): the markup is all there.
    if (!root || (!doc.querySelector(`[${PRERENDERED_END}]`) && doc.readyState === 'loading')) {
      win.requestAnimationFrame(place);
      return;
    }
    open(root);
    // This frame is painted once this callback returns; a task posted now runs after that paint.
    win.setTimeout(() => whenParsed(win, () => startPageCode(doc)), 0);
  };
  win.requestAnimationFrame(place);
  // A hidden tab runs no animation frame (and paints nothing): its page opens once parsed.
  whenParsed(win, () => {
    const root = doc.getElementById('root');
    if (opened || doc.visibilityState !== 'hidden' || !root) return;
    open(root);
    startPageCode(doc);
  });
}

/** Sets the markup's inline styles and the cluster view's opening transform, as the page's code would. */
function openView(root: HTMLElement, frame: FirstFrame): void {
  applyInlineStyles(root);
  const svg = root.querySelector<SVGSVGElement>('svg[data-id="cluster-view"]');
  const box = root.querySelector('[data-id="cluster-view-frame"]')?.getBoundingClientRect();
  if (!svg || !box || box.width <= 0 || box.height <= 0) return;
  svg.style.transform = transformStyle(openingTransform(frame.canvas, box, frame.focus));
}
