import { useEffect, useRef } from 'react';
import { useAppStore } from '../store/StoreProvider';
import { selectPresent } from '../store/selectors';
import type { AppState } from '../store/types';

const selectSetPresent = (s: AppState) => s.setPresent;

/**
 * Presenter mode fills the screen where the Fullscreen API allows it: entering
 * asks for full screen (a key press or a click is the gesture browsers want; a
 * `present=1` link opens in the window, without it), leaving exits it, and
 * leaving full screen by the browser's own Escape leaves presenter mode too.
 */
export function usePresenterFullscreen(): void {
  const present = useAppStore(selectPresent);
  const setPresent = useAppStore(selectSetPresent);
  // Whether presenter mode put the page in full screen, so only its own full screen is undone.
  const entered = useRef(false);

  useEffect(() => {
    const doc = document;
    if (present && doc.fullscreenEnabled && !doc.fullscreenElement) {
      doc.documentElement.requestFullscreen?.().then(
        () => void (entered.current = true),
        () => {}, // no gesture (a link opened in presenter mode): the window is enough
      );
    } else if (!present && entered.current && doc.fullscreenElement) {
      entered.current = false;
      void doc.exitFullscreen?.().catch(() => {});
    }
  }, [present]);

  useEffect(() => {
    const onChange = () => {
      if (document.fullscreenElement || !entered.current) return;
      entered.current = false;
      setPresent(false);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [setPresent]);
}
