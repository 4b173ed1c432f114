import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Header } from '../../app/shell/Header';
import { PageAlerts } from '../../app/shell/PageAlerts';
import { useDocumentTheme } from '../../app/shell/useDocumentTheme';
import { createAppStore } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';
import { syncUrl, type UrlHost } from '../../app/url/sync-url';
import { openFromUrl, readUrl, writeUrl } from '../../app/url/url-state';

const open = (search: string) => openFromUrl(search, createAppStore);

function ThemedHeader() {
  useDocumentTheme();
  return <Header />;
}

const renderHeader = (store = createAppStore()) => {
  render(
    <StoreProvider store={store}>
      <ThemedHeader />
      <PageAlerts />
    </StoreProvider>,
  );
  return store;
};

afterEach(() => {
  delete document.documentElement.dataset.theme;
});

describe('the theme in the URL', () => {
  it.each([
    ['?preset=article', 'auto'],
    ['?theme=light', 'light'],
    ['?theme=dark', 'dark'],
    ['?theme=contrast', 'contrast'],
    ['?theme=auto', 'auto'],
  ] as const)('reads %s as %s, with no alert', (search, theme) => {
    const store = open(search);
    expect(store.getState().theme).toBe(theme);
    expect(store.getState().alerts).toEqual([]);
  });

  it('names an unknown theme in an alert and follows the system instead', () => {
    const store = open('?preset=article&theme=purple');
    expect(store.getState().theme).toBe('auto');
    expect(store.getState().alerts).toEqual([expect.objectContaining({ param: 'theme', value: 'purple', reason: 'unknown' })]);
  });

  it('writes a theme the person chose, and none while the page follows the system', () => {
    const store = open('?preset=article&step=4');
    expect(writeUrl(store.getState())).not.toContain('theme');
    store.getState().setTheme('dark');
    expect(writeUrl(store.getState())).toBe('?preset=article&view=cluster&step=4&lang=en&theme=dark');
    // The embed code's frame carries it too.
    expect(writeUrl(store.getState(), { embed: true })).toContain('theme=dark&embed=1');
    store.getState().setTheme('auto');
    expect(writeUrl(store.getState(), { embed: true })).not.toContain('theme');
    expect(readUrl(writeUrl({ ...store.getState(), theme: 'contrast' })).theme).toBe('contrast');
  });

  it('replaces the history entry on a new theme, and Back restores the theme its URL names', () => {
    const store = open('?preset=article&step=2');
    const calls: string[] = [];
    const listeners: (() => void)[] = [];
    const host: UrlHost & { location: { search: string; pathname: string } } = {
      location: { search: '?preset=article&step=2', pathname: '/' },
      history: {
        pushState: (_d, _u, url) => void calls.push(`push ${url}`),
        replaceState: (_d, _u, url) => {
          calls.push(`replace ${url}`);
          host.location = { ...host.location, search: url.slice(1) };
        },
      },
      addEventListener: (_t, l) => void listeners.push(l),
      removeEventListener: () => {},
    };
    syncUrl(store, host);
    store.getState().setTheme('contrast');
    expect(calls.at(-1)).toBe('replace /?preset=article&view=cluster&step=2&lang=en&theme=contrast');
    host.location = { ...host.location, search: '?preset=article&view=cluster&step=2&lang=en&theme=dark' };
    for (const l of listeners) l();
    expect(store.getState().theme).toBe('dark');
  });
});

describe('the theme picker', () => {
  it('is a labelled select in the header that sets the theme and puts it on <html>', () => {
    const store = renderHeader();
    const picker = screen.getByRole('combobox', { name: 'Colour theme' }) as HTMLSelectElement;
    expect(picker.value).toBe('auto');
    expect(document.documentElement.dataset.theme).toBeUndefined();
    const names = ['Theme: system', 'Theme: light', 'Theme: dark', 'Theme: high contrast'];
    // Each option shows a mark before its name (the narrow picker's face); screen readers get the name alone.
    expect([...picker.options].map((o) => o.getAttribute('aria-label'))).toEqual(names);
    expect([...picker.options].map((o) => o.textContent!.split('\u2002')[1])).toEqual(names);
    expect(new Set([...picker.options].map((o) => o.textContent!.split('\u2002')[0])).size).toBe(4);
    fireEvent.change(picker, { target: { value: 'dark' } });
    expect(store.getState().theme).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    fireEvent.change(picker, { target: { value: 'contrast' } });
    expect(document.documentElement.dataset.theme).toBe('contrast');
    // Back to the system's scheme: no attribute at all, so the stylesheet's prefers-color-scheme decides.
    fireEvent.change(picker, { target: { value: 'auto' } });
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('shows the theme a URL opened with, in Chinese too', () => {
    const store = renderHeader(open('?lang=zh&theme=contrast'));
    const picker = screen.getByRole('combobox', { name: '配色主题' }) as HTMLSelectElement;
    expect(picker.value).toBe('contrast');
    expect(picker.selectedOptions[0]!.getAttribute('aria-label')).toBe('主题：高对比度');
    expect(picker.title).toBe('主题：高对比度');
    expect(document.documentElement.dataset.theme).toBe('contrast');
    act(() => store.getState().setTheme('light'));
    expect(picker.value).toBe('light');
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('names a bad theme parameter in the page alert', () => {
    renderHeader(open('?theme=neon'));
    expect(screen.getByRole('alert').textContent).toContain('The URL parameter “theme” ("neon") is not one this page knows');
  });
});
