/**
 * Resolves once the browser has painted its next frame: the page's code, whose first task
 * (simulating the trace, hydrating some 1,000 elements) would otherwise run before the
 * prerendered first frame is painted, waits for it. At once in a hidden tab, which paints nothing.
 */
export function afterNextPaint(win: Window): Promise<void> {
  if (win.document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => win.requestAnimationFrame(() => win.setTimeout(resolve, 0)));
}
