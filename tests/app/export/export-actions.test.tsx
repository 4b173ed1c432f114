import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../app/App';
import { createAppStore, type AppStoreOptions } from '../../../app/store/create-app-store';
import { StoreProvider } from '../../../app/store/StoreProvider';

function openShare(options: AppStoreOptions, share = 'Share') {
  const store = createAppStore({ preset: 'article', ...options });
  render(
    <StoreProvider store={store}>
      <App embed={false} />
    </StoreProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: share }));
  return store;
}

/** The files the page saved: their names and contents. */
function watchDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), 'blob:x'));
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

afterEach(() => vi.restoreAllMocks());

describe('export for slides in the share menu', () => {
  it('offers Download SVG, PNG and GIF; in the cluster view the GIF’s steps are the whole trace until chosen', () => {
    const store = openShare({ view: 'cluster', step: 3 });
    for (const name of [/^Download SVG/, /^Download PNG/, /^Download GIF/]) {
      expect(screen.getByRole('button', { name }).hasAttribute('disabled')).toBe(false);
    }
    const steps = store.getState().trace.steps.length;
    expect(screen.getByRole('spinbutton', { name: 'From step' })).toHaveProperty('value', '1');
    expect(screen.getByRole('spinbutton', { name: 'to step' })).toHaveProperty('value', String(steps));
    const fromField = screen.getByRole('spinbutton', { name: 'From step' });
    // An emptied field stays empty to be typed into (the range meanwhile starts at step 1).
    fireEvent.change(fromField, { target: { value: '' } });
    expect(fromField).toHaveProperty('value', '');
    expect(screen.getByText(`The GIF shows ${steps} steps, one a second, in the view as it is panned and zoomed now.`)).toBeTruthy();
    fireEvent.change(fromField, { target: { value: '5' } });
    expect(screen.getByRole('button', { name: /^Download GIF/ }).getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(`The GIF shows ${steps - 4} steps, one a second, in the view as it is panned and zoomed now.`)).toBeTruthy();
  });

  it('in the article figures, animates the figure’s own pictures: no step range to choose', () => {
    openShare({ view: 'classic', step: 3 });
    expect(screen.queryByRole('spinbutton', { name: 'From step' })).toBeNull();
    expect(screen.getByText(/The GIF shows the figure’s 5 pictures/)).toBeTruthy();
  });

  it('says the step list has no picture, with the buttons disabled', () => {
    openShare({ view: 'list' });
    expect(screen.getByRole('button', { name: /^Download SVG/ }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: /^Download GIF/ }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText(/The step list is text/)).toBeTruthy();
  });

  it('is in Chinese with the page', () => {
    openShare({ view: 'cluster', lang: 'zh' }, '分享');
    expect(screen.getByRole('button', { name: '下载 SVG' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '下载 PNG（2 倍）' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '下载 GIF' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'GIF 包含的步骤' })).toBeTruthy();
  });

  it('Download SVG saves the cluster view on screen as packetwalk-<preset>-step-<n>.svg, with the pod names as text', async () => {
    const { blobs, names } = watchDownloads();
    openShare({ view: 'cluster', step: 3 });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /^Download SVG/ })));
    await waitFor(() => expect(names).toEqual(['packetwalk-article-step-4.svg']));
    const text = await blobs.at(-1)!.text();
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const labels = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    for (const pod of ['pod1', 'pod2', 'pod3', 'pod4']) expect(labels).toContain(pod);
    expect(screen.getByRole('status').textContent).toBe('Saved packetwalk-article-step-4.svg.');
  });

  it('in the article figures of a scenario they do not fit, says to open the cluster view', () => {
    openShare({ preset: 'same-node', view: 'classic' });
    expect(screen.getByRole('button', { name: /^Download PNG/ }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText(/does not fit the article figures: open the cluster view/)).toBeTruthy();
  });

  it('names a tainted canvas in an alert instead of saving a PNG', async () => {
    const { names } = watchDownloads();
    // jsdom decodes no images and draws nothing: the browser's part is played here, down to the refusal.
    Object.defineProperty(HTMLImageElement.prototype, 'decode', { value: () => Promise.resolve(), configurable: true });
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({ drawImage: () => {} } as unknown as CanvasRenderingContext2D);
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(() => {
      throw new DOMException('Tainted canvases may not be exported.', 'SecurityError');
    });
    openShare({ view: 'classic', step: 3 });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /^Download PNG/ })));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/did not let the page read its own drawing back \(a tainted canvas\)/),
    );
    expect(names).toEqual([]);
    delete (HTMLImageElement.prototype as { decode?: unknown }).decode;
  });
});
