import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';
let asked: typeof window.matchMedia | null = null;
let list: MediaQueryList | null = null;

/**
 * The query's list, asked for once per `matchMedia` (the packet layer reads it at every animation
 * frame: a new list each time cost 18 ms over 5 s of playback); a replaced `matchMedia` (tests) is asked again.
 */
function media(): MediaQueryList | null {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return null;
  if (asked !== window.matchMedia) {
    asked = window.matchMedia;
    list = asked.call(window, QUERY);
  }
  return list;
}

function subscribe(onChange: () => void) {
  const m = media();
  m?.addEventListener('change', onChange);
  return () => m?.removeEventListener('change', onChange);
}

/** Whether the person asked the system for less motion (then the packet jumps between positions, as the GIFs do). */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => media()?.matches ?? false,
    () => false,
  );
}
