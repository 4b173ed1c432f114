import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMBED_SIZES, embedCode } from '../../app/shell/embed-code';
import { Header } from '../../app/shell/Header';
import { createAppStore, type AppStore } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';
import { readEmbed } from '../../app/url/embed';
import { openFromUrl } from '../../app/url/url-state';
import { PRESETS } from '../../src/index';

/** The snippet as a browser reads it: exactly one iframe, and its attributes decoded. */
function parseIframe(html: string): HTMLIFrameElement {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  expect(body.children).toHaveLength(1);
  const iframe = body.firstElementChild;
  expect(iframe).toBeInstanceOf(HTMLIFrameElement);
  return iframe as HTMLIFrameElement;
}

function openShareMenu(store: AppStore, share = 'Share') {
  render(
    <StoreProvider store={store}>
      <Header />
    </StoreProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: share }));
}

function mockClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

afterEach(() => vi.restoreAllMocks());

describe('embedCode', () => {
  it('is one iframe whose src, title and size survive HTML parsing, whatever characters they hold', () => {
    const src = 'https://example.org/packetwalk/?preset=article&view=classic&figure=pod-to-service&step=3&lang=en&embed=1';
    const title = 'a "quoted" <title> & more';
    const iframe = parseIframe(embedCode({ src, title, view: 'classic' }));
    expect(iframe.getAttribute('src')).toBe(src);
    expect(iframe.title).toBe(title);
    expect([iframe.width, iframe.height]).toEqual(['1380', '880']);
    expect(iframe.getAttributeNames().sort()).toEqual(['height', 'loading', 'src', 'style', 'title', 'width']);
  });

  it.each([
    ['classic', 1380, 880],
    ['cluster', 960, 640],
    ['list', 800, 640],
  ] as const)('sizes the %s view %i x %i', (view, width, height) => {
    expect(EMBED_SIZES[view]).toEqual({ width, height });
    const iframe = parseIframe(embedCode({ src: 'https://example.org/?embed=1', title: 't', view }));
    expect([Number(iframe.width), Number(iframe.height)]).toEqual([width, height]);
  });
});

describe('Copy embed code in the share menu', () => {
  it('copies an iframe of the article figure on screen whose src opens the same figure and step, embedded', async () => {
    const writeText = vi.fn((_: string) => Promise.resolve());
    mockClipboard(writeText);
    const store = openFromUrl('?preset=article&view=classic&figure=service-to-pod&step=2&lang=en', createAppStore);
    openShareMenu(store);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy embed code' })));
    expect(screen.getByRole('status').textContent).toMatch(/^Embed code copied/);

    const iframe = parseIframe(writeText.mock.calls[0]![0]);
    const src = new URL(iframe.src);
    expect(src.origin + src.pathname).toBe(`${window.location.origin}/`);
    expect(Object.fromEntries(src.searchParams)).toEqual({
      preset: 'article',
      view: 'classic',
      figure: 'service-to-pod',
      step: '2',
      lang: 'en',
      embed: '1',
    });
    expect(iframe.title).toBe('packetwalk: a packet from a Pod to a Service and back');
    expect([iframe.width, iframe.height]).toEqual(['1380', '880']);
    // The embedded page opens on the very frame that was on screen.
    const opened = openFromUrl(src.search, createAppStore).getState();
    expect(readEmbed(src.search)).toBe(true);
    expect([opened.view, opened.cursor.step]).toEqual(['classic', store.getState().cursor.step]);
  });

  it('sizes the snippet for the cluster view and carries a custom scenario in s=', async () => {
    const writeText = vi.fn((_: string) => Promise.resolve());
    mockClipboard(writeText);
    const store = createAppStore();
    store.getState().loadScenario({ ...PRESETS['three-replicas']!, name: 'mine' });
    openShareMenu(store);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy embed code' })));
    const iframe = parseIframe(writeText.mock.calls[0]![0]);
    expect([iframe.width, iframe.height]).toEqual(['960', '640']);
    expect(iframe.getAttribute('src')).toMatch(/\/\?s=[A-Za-z0-9+$-]+&view=cluster&step=1&lang=en&embed=1$/);
    const opened = openFromUrl(new URL(iframe.src).search, createAppStore).getState();
    expect(opened.scenario.name).toBe('mine');
  });

  it('selects the code in a read-only text area when the clipboard refuses', async () => {
    mockClipboard(() => Promise.reject(new Error('denied')));
    openShareMenu(createAppStore({ preset: 'hairpin', view: 'list' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy embed code' })));
    const area = screen.getByRole('textbox', { name: 'Embed code for this frame' }) as HTMLTextAreaElement;
    expect(area.readOnly).toBe(true);
    expect(parseIframe(area.value).getAttribute('src')).toContain('?preset=hairpin&view=list&step=1&lang=en&embed=1');
    expect(document.activeElement === area || area.selectionEnd === area.value.length).toBe(true);
    expect(screen.getByRole('status').textContent).toMatch(/Ctrl\+C/);
  });

  it('is unavailable when the scenario is too large for a link', () => {
    const store = createAppStore();
    store.getState().loadScenario({ ...PRESETS.scale!, name: 'big' });
    openShareMenu(store);
    expect(screen.getByRole('button', { name: 'Copy embed code' })).toHaveProperty('disabled', true);
  });

  it('speaks Chinese, the iframe title too', async () => {
    const writeText = vi.fn((_: string) => Promise.resolve());
    mockClipboard(writeText);
    openShareMenu(createAppStore({ lang: 'zh' }), '分享');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '复制嵌入代码' })));
    expect(screen.getByRole('status').textContent).toMatch(/^嵌入代码已复制：/);
    expect(parseIframe(writeText.mock.calls[0]![0]).title).toBe('packetwalk：数据包从 Pod 到 Service 再返回');
  });
});
