import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Controls } from '../../app/controls/Controls';
import { shortcutFor } from '../../app/controls/keyboard-map';
import { useKeyboardShortcuts } from '../../app/controls/useKeyboardShortcuts';
import { createAppStore, type AppStoreOptions } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';

function Page() {
  useKeyboardShortcuts();
  return (
    <>
      <input aria-label="Seed" />
      <input aria-label="Count" type="number" />
      <textarea aria-label="Scenario" />
      <select aria-label="Preset">
        <option>article</option>
      </select>
      <input aria-label="Loop" type="checkbox" />
      <Controls />
    </>
  );
}

function renderPage(options: AppStoreOptions = {}) {
  const store = createAppStore({ preset: 'article', step: 3, ...options });
  const view = render(
    <StoreProvider store={store}>
      <Page />
    </StoreProvider>,
  );
  return { store, view };
}

/** Dispatches a keydown as a browser does: on the focused element (or body), bubbling to window. */
function press(key: string, init: KeyboardEventInit = {}, target: Element = document.activeElement ?? document.body) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

describe('keyboard shortcuts', () => {
  const N = createAppStore({ preset: 'article' }).getState().trace.steps.length;

  it.each([
    ['ArrowRight', {}, 4],
    ['ArrowLeft', {}, 2],
    ['Home', {}, 0],
    ['End', {}, N - 1],
  ])('%s %j moves to step %i', (key, init, step) => {
    const { store } = renderPage();
    const event = press(key, init);
    expect(store.getState().cursor.step).toBe(step);
    expect(event.defaultPrevented).toBe(true);
  });

  it('Space plays and pauses, and keeps the page from scrolling', () => {
    const { store } = renderPage();
    const event = press(' ', { code: 'Space' });
    expect(event.defaultPrevented).toBe(true);
    expect(store.getState().playing).toBe(true);
    press(' ', { code: 'Space' });
    expect(store.getState().playing).toBe(false);
  });

  it('Space on the focused Play button toggles once: its keyup click is prevented', () => {
    const { store } = renderPage();
    const play = screen.getByRole('button', { name: 'Play' });
    play.focus();
    press(' ', { code: 'Space' }, play);
    const up = new KeyboardEvent('keyup', { key: ' ', code: 'Space', bubbles: true, cancelable: true });
    play.dispatchEvent(up);
    expect(up.defaultPrevented).toBe(true);
    expect(store.getState().playing).toBe(true);
  });

  it('ignores a held Space (key repeat)', () => {
    const { store } = renderPage();
    press(' ');
    press(' ', { repeat: true });
    expect(store.getState().playing).toBe(true);
  });

  it.each([
    ['+', {}, 1.5],
    ['=', {}, 1.5],
    ['-', {}, 0.5],
    ['_', {}, 0.5],
    ['+', { code: 'NumpadAdd' }, 1.5],
    ['-', { code: 'NumpadSubtract' }, 0.5],
    ['Add', { code: 'NumpadAdd' }, 1.5],
    ['Subtract', { code: 'NumpadSubtract' }, 0.5],
  ])('%s %j sets the speed to %f', (key, init, speed) => {
    const { store } = renderPage();
    const event = press(key, init);
    expect(store.getState().speed).toBe(speed);
    expect(event.defaultPrevented).toBe(true);
  });

  it('stops at 4x and 0.25x', () => {
    const { store } = renderPage();
    for (let i = 0; i < 10; i++) press('+');
    expect(store.getState().speed).toBe(4);
    for (let i = 0; i < 10; i++) press('-');
    expect(store.getState().speed).toBe(0.25);
  });

  it.each(['Seed', 'Count', 'Scenario', 'Preset'])('does nothing while typing in %s', (name) => {
    const { store } = renderPage();
    const field = screen.getByRole(name === 'Preset' ? 'combobox' : name === 'Count' ? 'spinbutton' : 'textbox', { name });
    field.focus();
    for (const key of [' ', 'ArrowRight', 'ArrowLeft', 'Home', 'End', '+', '-']) {
      const event = press(key, {}, field);
      expect(event.defaultPrevented).toBe(false);
    }
    expect(store.getState()).toMatchObject({ cursor: { step: 3 }, playing: false, speed: 1 });
  });

  it('leaves the arrows, Home and End to the focused timeline, which seeks by itself', () => {
    const { store } = renderPage();
    const slider = screen.getByRole('slider', { name: 'Timeline' });
    slider.focus();
    for (const key of ['ArrowRight', 'ArrowLeft', 'Home', 'End']) expect(press(key, {}, slider).defaultPrevented).toBe(false);
    expect(store.getState().cursor.step).toBe(3);
    // The browser moves the range and fires change: that seeks.
    fireEvent.change(slider, { target: { value: '5' } });
    expect(store.getState().cursor.step).toBe(4);
    // Space and the speed keys still work there.
    press(' ', {}, slider);
    expect(store.getState().playing).toBe(true);
    press('+', {}, slider);
    expect(store.getState().speed).toBe(1.5);
  });

  it('leaves Space to a focused checkbox but still steps with the arrows', () => {
    const { store } = renderPage();
    const box = screen.getByRole('checkbox', { name: 'Loop' });
    box.focus();
    expect(press(' ', {}, box).defaultPrevented).toBe(false);
    expect(store.getState().playing).toBe(false);
    press('ArrowRight', {}, box);
    expect(store.getState().cursor.step).toBe(4);
  });

  it('leaves keys held with Ctrl, Cmd or Alt to the browser', () => {
    const { store } = renderPage();
    expect(press('+', { ctrlKey: true }).defaultPrevented).toBe(false);
    expect(press('-', { metaKey: true }).defaultPrevented).toBe(false);
    expect(press('ArrowLeft', { altKey: true }).defaultPrevented).toBe(false);
    expect(store.getState()).toMatchObject({ cursor: { step: 3 }, speed: 1 });
  });

  it('ignores other keys', () => {
    const { store } = renderPage();
    expect(press('a').defaultPrevented).toBe(false);
    expect(press('Enter').defaultPrevented).toBe(false);
    expect(store.getState()).toMatchObject({ cursor: { step: 3 }, playing: false, speed: 1 });
  });

  it('steps through the article’s pictures in the classic view', () => {
    const { store } = renderPage({ view: 'classic', step: 0 });
    press('ArrowRight');
    const s = store.getState();
    expect(s.trace.steps[s.cursor.step]).toMatchObject({ stage: { figure: 'pod-to-service', n: 2 } });
  });

  it('unbinds when the page unmounts', () => {
    const { store, view } = renderPage();
    view.unmount();
    press('ArrowRight', {}, document.body);
    expect(store.getState().cursor.step).toBe(3);
  });

  it('maps keys to actions', () => {
    expect(shortcutFor({ key: ' ' })).toBe('togglePlay');
    expect(shortcutFor({ key: 'x', code: 'NumpadAdd' })).toBe('faster');
    expect(shortcutFor({ key: 'x' })).toBeNull();
    expect(shortcutFor({ key: '+', ctrlKey: true })).toBeNull();
  });
});
