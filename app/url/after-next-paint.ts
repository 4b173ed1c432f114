/** Runs a callback later and says how to cancel it. */
export type Later = (callback: () => void) => () => void;

/** A hidden tab paints no frame: the callback runs at the latest after this long. */
const AT_THE_LATEST_MS = 250;

/**
 * Runs `callback` in a task after the next frame is painted (an animation frame, then a
 * task), or after AT_THE_LATEST_MS when no frame comes (a hidden tab); once either way.
 */
export const afterNextPaint: Later = (callback) => {
  let done = false;
  let task: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    callback();
  };
  const frame = requestAnimationFrame(() => {
    task = setTimeout(run, 0);
  });
  const fallback = setTimeout(run, AT_THE_LATEST_MS);
  function cancel() {
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    if (task !== undefined) clearTimeout(task);
  }
  return () => {
    done = true;
    cancel();
  };
};
