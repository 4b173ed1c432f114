import { useEffect } from 'react';
import { selectPresent } from '../store/selectors';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/StoreProvider';
import { selectShortcutActions } from '../store/selectors';
import { belongsToTarget, shortcutFor, type ShortcutAction } from './keyboard-map';

/**
 * Binds the playback keys on `window`: Space plays or pauses, ArrowLeft and
 * ArrowRight step, Home and End jump to the ends, + and - (also = and _, and
 * the numpad's) change the speed; PageDown and PageUp step (a presentation
 * clicker's keys), F toggles presenter mode and Escape leaves it. Keys typed into a text field or select are
 * left alone, and a focused range input keeps its own arrows. Handled keys are
 * default-prevented, so Space neither scrolls the page nor also clicks the
 * focused button (browsers click a button on Space's keyup: that is prevented too).
 */
export function useKeyboardShortcuts(): void {
  const actions = useAppStore(useShallow(selectShortcutActions));
  const present = useAppStore(selectPresent);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => runShortcut(event, actions, present);
    const onKeyUp = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (action === 'togglePlay' && !belongsToTarget(event.target, action)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [actions, present]);
}

/** Does what a key pressed on the page asks of playback, if anything (see useKeyboardShortcuts). */
export function runShortcut(event: KeyboardEvent, actions: Readonly<Record<ShortcutAction, () => void>>, present: boolean): void {
  if (event.defaultPrevented) return;
  const action = shortcutFor(event);
  if (!action || belongsToTarget(event.target, action)) return;
  // Escape is the page's only while presenting; otherwise menus and the browser keep it.
  if (action === 'leavePresent' && !present) return;
  event.preventDefault();
  // Holding Space would start and stop playback many times a second.
  if (action === 'togglePlay' && event.repeat) return;
  actions[action]();
}
