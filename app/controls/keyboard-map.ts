/** What a shortcut does: the name of a playback action of the store. */
export type ShortcutAction =
  'togglePlay' | 'stepBack' | 'stepForward' | 'first' | 'last' | 'faster' | 'slower' | 'togglePresent' | 'leavePresent';

/**
 * The keys, by `KeyboardEvent.key`; `=` and `_` are + and - without Shift, numpad keys send + and - too.
 * PageDown and PageUp step as well: presentation clickers send them. F toggles presenter mode, Escape leaves it.
 */
const BY_KEY: Readonly<Record<string, ShortcutAction>> = {
  ' ': 'togglePlay',
  Spacebar: 'togglePlay',
  ArrowLeft: 'stepBack',
  ArrowRight: 'stepForward',
  PageDown: 'stepForward',
  PageUp: 'stepBack',
  f: 'togglePresent',
  F: 'togglePresent',
  Escape: 'leavePresent',
  Home: 'first',
  End: 'last',
  '+': 'faster',
  '=': 'faster',
  '-': 'slower',
  _: 'slower',
};

/** By `KeyboardEvent.code`, for layouts whose numpad reports another `key`. */
const BY_CODE: Readonly<Record<string, ShortcutAction>> = {
  Space: 'togglePlay',
  NumpadAdd: 'faster',
  NumpadSubtract: 'slower',
};

/** The fields of a key event the map reads. */
export interface KeyLike {
  readonly key: string;
  readonly code?: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
}

/**
 * The playback action a key stands for, or null. Keys held with Ctrl, Cmd or
 * Alt belong to the browser (Ctrl + and Ctrl - zoom the page).
 */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (Object.hasOwn(BY_KEY, event.key)) return BY_KEY[event.key]!;
  if (event.code !== undefined && Object.hasOwn(BY_CODE, event.code)) return BY_CODE[event.code]!;
  return null;
}

/** Keys a slider or a scrolled box uses itself: left alone when one of those has focus. */
const NATIVE_MOVES: ReadonlySet<ShortcutAction> = new Set(['stepBack', 'stepForward', 'first', 'last']);

/** Input types that take typed text (everything but buttons, toggles, range, colour and file). */
const NON_TEXT_INPUTS = new Set(['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file', 'image']);

/**
 * Whether the page should leave a key to the element it was typed into: any
 * key in a text field, select, textarea or editable element; the arrows, Home
 * and End on a range input or a scrollable box (`data-scroll-keys`); Space on a
 * checkbox or radio button, which it toggles.
 */
export function belongsToTarget(target: EventTarget | null, action: ShortcutAction): boolean {
  if (!(target instanceof Element)) return false;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  if (target.closest('[contenteditable=""], [contenteditable="true"]')) return true;
  if (tag === 'INPUT') {
    const type = (target.getAttribute('type') ?? 'text').toLowerCase();
    if (!NON_TEXT_INPUTS.has(type)) return true;
    if (type === 'range') return NATIVE_MOVES.has(action);
    if (type === 'checkbox' || type === 'radio') return action === 'togglePlay';
    return false;
  }
  return NATIVE_MOVES.has(action) && target.closest('[data-scroll-keys]') !== null;
}
