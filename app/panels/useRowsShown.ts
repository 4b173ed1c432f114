import { useEffect, useState } from 'react';

/** Rows drawn in the frame a list appears: more than the side pane shows at once. */
export const FIRST_ROWS = 80;

/**
 * Rows added per animation frame after the first ones. A hook step of the large preset
 * evaluates a thousand rules (KUBE-SERVICES lists every Service): drawn at once they were
 * 4,400 elements and a 120 ms task (creating them, style, layout, text shaping; traced on
 * `?preset=large` while playing); a hundred rows a frame keep each frame's share near 10 ms.
 */
export const ROWS_PER_FRAME = 100;

interface Shown {
  readonly list: unknown;
  readonly count: number;
}

/**
 * How many of a list's `total` rows to draw: the first FIRST_ROWS at once, then
 * ROWS_PER_FRAME more each animation frame until all are drawn. A new `list` (compared
 * by identity: the step's rules) starts again from the first rows.
 */
export function useRowsShown(total: number, list: unknown): number {
  const [shown, setShown] = useState<Shown>(() => ({ list, count: Math.min(total, FIRST_ROWS) }));
  let current = shown;
  if (shown.list !== list) {
    // React's pattern for state derived from a previous render: set during render, re-rendered at once.
    current = { list, count: Math.min(total, FIRST_ROWS) };
    setShown(current);
  }
  useEffect(() => {
    if (shown.list !== list || shown.count >= total) return;
    const frame = requestAnimationFrame(() =>
      setShown((s) => (s.list === list ? { list, count: Math.min(total, s.count + ROWS_PER_FRAME) } : s)),
    );
    return () => cancelAnimationFrame(frame);
  }, [shown, list, total]);
  return Math.min(current.count, total);
}
