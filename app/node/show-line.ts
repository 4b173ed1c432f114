/** Where line `n` (1-based) starts and ends in the text, its newline left out; null past the end. */
export function lineRange(text: string, n: number): { readonly start: number; readonly end: number } | null {
  let start = 0;
  for (let i = 1; i < n; i++) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) return null;
    start = newline + 1;
  }
  const newline = text.indexOf('\n', start);
  return { start, end: newline < 0 ? text.length : newline };
}

/**
 * Selects line `n` in the textarea and scrolls it there, a third of the way down: the box
 * does not wrap lines, so line n is row n. Focus goes to the box, where the keyboard can
 * read or copy the line.
 */
export function showLine(box: HTMLTextAreaElement, n: number): void {
  const range = lineRange(box.value, n);
  if (range === null) return;
  box.focus({ preventScroll: false });
  box.setSelectionRange(range.start, range.end);
  const lineHeight = parseFloat(getComputedStyle(box).lineHeight) || 16;
  box.scrollTop = Math.max(0, (n - 1) * lineHeight - box.clientHeight / 3);
  box.scrollLeft = 0;
}
