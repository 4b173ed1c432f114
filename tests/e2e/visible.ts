import type { Locator, Page } from '@playwright/test';

/** The windows a page must work at (issue 9): a projector, laptops, desktops and a large screen, width x height. */
export const WINDOW_SIZES = [
  [1024, 768],
  [1280, 720],
  [1366, 768],
  [1440, 900],
  [1920, 1080],
  [2560, 1440],
] as const;

/**
 * Why the elements a locator matches are not all readable where they are:
 * each one must have a box, lie inside the window and inside every ancestor
 * that clips (overflow other than visible), and be the element found at the
 * centre of each of its text lines, or of its box when it has no text (so
 * nothing covers it).
 * An empty list means a person sees all of it without scrolling.
 *
 * @example expect(await notVisible(page.locator('[data-id="evidence-reply"]'))).toEqual([]);
 */
export async function notVisible(locator: Locator): Promise<string[]> {
  const count = await locator.count();
  if (count === 0) return [`nothing matches ${locator.toString()}`];
  return locator.evaluateAll((elements) => {
    const problems: string[] = [];
    const SLACK = 0.5;
    const name = (el: Element) => {
      const id = el.getAttribute('data-id');
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
      return `${el.tagName.toLowerCase()}${id ? `[data-id=${id}]` : ''} "${text}"`;
    };
    interface Box {
      left: number;
      top: number;
      right: number;
      bottom: number;
    }
    const inside = (r: Box, c: Box) =>
      r.left >= c.left - SLACK && r.top >= c.top - SLACK && r.right <= c.right + SLACK && r.bottom <= c.bottom + SLACK;
    const fmt = (r: Box) => `[${Math.round(r.left)},${Math.round(r.top)} – ${Math.round(r.right)},${Math.round(r.bottom)}]`;
    for (const el of elements) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) {
        problems.push(`${name(el)} has no box`);
        continue;
      }
      const view = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
      if (!inside(r, view)) problems.push(`${name(el)} ${fmt(r)} is not inside the window ${fmt(view)}`);
      for (let a = el.parentElement; a; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const c = a.getBoundingClientRect();
        const clip = {
          left: c.left + a.clientLeft,
          top: c.top + a.clientTop,
          right: c.left + a.clientLeft + a.clientWidth,
          bottom: c.top + a.clientTop + a.clientHeight,
        };
        if (!inside(r, clip)) problems.push(`${name(el)} ${fmt(r)} is clipped by ${name(a).slice(0, 40)} ${fmt(clip)}`);
      }
      // The centre of every line of text (of the box, when it has none): the topmost element there must be this one or inside it.
      const lines: DOMRect[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        // Text for screen readers only (clipped to a pixel) is not meant to be seen.
        let shown = true;
        for (let p = text.parentElement; p && p !== el.parentElement; p = p.parentElement) {
          const b = p.getBoundingClientRect();
          if (b.width <= 1 || b.height <= 1) shown = false;
        }
        if (!shown) continue;
        const range = document.createRange();
        range.selectNodeContents(text);
        lines.push(...[...range.getClientRects()].filter((l) => l.width > 1 && l.height > 1));
      }
      const points = (lines.length > 0 ? lines : [r]).map((l) => [l.left + l.width / 2, l.top + l.height / 2] as const);
      for (const [x, y] of points) {
        const hit = document.elementFromPoint(x, y);
        if (!hit || !(hit === el || el.contains(hit))) {
          problems.push(
            `${name(el)} is covered at (${Math.round(x)}, ${Math.round(y)}) by ${hit ? name(hit).slice(0, 60) : 'nothing (outside the window)'}`,
          );
          break;
        }
      }
    }
    return problems;
  });
}

/**
 * Why the focused element cannot be seen: its box, cut by the window and by
 * every clipping ancestor, must keep some area, and the element must be the
 * one found at the centre of that visible part (not under the control bar or
 * anything else). A scroll box larger than its column passes when its visible
 * part is uncovered.
 */
export async function focusHidden(page: Page): Promise<string | null> {
  const focused = page.locator(':focus');
  if ((await focused.count()) === 0) return null;
  const clip = await focused.evaluate(visibleRect);
  return focused.evaluate((el, { left, top, right, bottom }) => {
    const label = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    if (right - left < 4 || bottom - top < 4) return `${label} is out of sight`;
    const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
    return hit && (hit === el || el.contains(hit))
      ? null
      : `${label} is covered by ${hit?.tagName.toLowerCase() ?? 'nothing'} "${(hit?.textContent ?? '').trim().slice(0, 40)}"`;
  }, clip);
}

/**
 * The part of an element's box that every clipping ancestor (overflow other
 * than visible) leaves visible, and the window too unless `inWindow` is false.
 * It runs in the page: hand it to `evaluate` (it uses nothing from outside).
 *
 * @example const { left, right } = await page.locator('svg').evaluate(visibleRect);
 */
export function visibleRect(el: Element, inWindow = true): { left: number; top: number; right: number; bottom: number } {
  const r = el.getBoundingClientRect();
  let [left, top, right, bottom] = inWindow
    ? [Math.max(0, r.left), Math.max(0, r.top), Math.min(window.innerWidth, r.right), Math.min(window.innerHeight, r.bottom)]
    : [r.left, r.top, r.right, r.bottom];
  for (let a = el.parentElement; a; a = a.parentElement) {
    const style = getComputedStyle(a);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const c = a.getBoundingClientRect();
    left = Math.max(left, c.left + a.clientLeft);
    top = Math.max(top, c.top + a.clientTop);
    right = Math.min(right, c.left + a.clientLeft + a.clientWidth);
    bottom = Math.min(bottom, c.top + a.clientTop + a.clientHeight);
  }
  return { left, top, right, bottom };
}

/** How far the page scrolls sideways: 0 when its content fits the window's width. */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}
