import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { shortcutFor } from '../../app/controls/keyboard-map';
import { createAppStore, type AppStoreOptions } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';
import { openFromUrl, readUrl, writeUrl } from '../../app/url/url-state';

function renderApp(options: AppStoreOptions = {}) {
  const store = createAppStore({ preset: 'article', step: 3, ...options });
  render(
    <StoreProvider store={store}>
      <App embed={false} />
    </StoreProvider>,
  );
  return store;
}

function press(key: string, target: Element = document.body) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  act(() => void target.dispatchEvent(event));
  return event;
}

describe('presenter mode in the URL', () => {
  it('reads present=1, writes it back, and leaves it out when off', () => {
    expect(readUrl('?present=1').present).toBe(true);
    expect(readUrl('?step=2').present).toBe(false);
    const store = openFromUrl('?preset=article&step=4&present=1', createAppStore);
    expect(store.getState().present).toBe(true);
    expect(writeUrl(store.getState())).toBe('?preset=article&view=cluster&step=4&lang=en&present=1');
    act(() => store.getState().togglePresent());
    expect(writeUrl(store.getState())).toBe('?preset=article&view=cluster&step=4&lang=en');
  });

  it('names a present value it cannot use in an alert and stays out of presenter mode', () => {
    const store = openFromUrl('?present=yes', createAppStore);
    expect(store.getState().present).toBe(false);
    expect(store.getState().alerts).toMatchObject([{ param: 'present', value: 'yes', reason: 'unknown' }]);
  });
});

describe('presenter mode keys', () => {
  it.each([
    ['PageDown', 'stepForward'],
    ['PageUp', 'stepBack'],
    ['f', 'togglePresent'],
    ['F', 'togglePresent'],
    ['Escape', 'leavePresent'],
  ] as const)('%s is %s', (key, action) => {
    expect(shortcutFor({ key })).toBe(action);
  });

  it('a clicker steps with PageDown and PageUp', () => {
    const store = renderApp();
    press('PageDown');
    press('PageDown');
    expect(store.getState().cursor.step).toBe(5);
    press('PageUp');
    expect(store.getState().cursor.step).toBe(4);
  });

  it('F enters and leaves; Escape leaves, and is left alone when not presenting', () => {
    const store = renderApp();
    expect(press('Escape').defaultPrevented).toBe(false);
    press('f');
    expect(store.getState().present).toBe(true);
    press('F');
    expect(store.getState().present).toBe(false);
    press('f');
    expect(press('Escape').defaultPrevented).toBe(true);
    expect(store.getState().present).toBe(false);
  });

  it('F typed into the editor is text, not a shortcut', () => {
    const store = renderApp();
    const input = document.createElement('input');
    document.body.append(input);
    press('f', input);
    expect(store.getState().present).toBe(false);
    input.remove();
  });
});

describe('the presenter page', () => {
  it('shows the view, the narration and the controls; the step details only on demand', () => {
    renderApp({ present: true });
    expect(screen.getByRole('region', { name: 'Narration' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
    expect(document.querySelector('aside.side')!.hasAttribute('hidden')).toBe(true);
    act(() => screen.getByRole('button', { name: 'Step details' }).click());
    expect(document.querySelector('aside.side')!.hasAttribute('hidden')).toBe(false);
    expect(screen.getByRole('button', { name: 'Step details' }).getAttribute('aria-pressed')).toBe('true');
    act(() => screen.getByRole('button', { name: 'Leave presenter mode' }).click());
    expect(document.querySelector('.app-shell')!.hasAttribute('data-present')).toBe(false);
  });
});
