import { act } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageElement } from '../../../app/page-element';
import { gateFirstFrame, opensFirstFrame, type FirstFrame } from '../../../app/prerender/first-frame-gate';
import { keepsPrerendered } from '../../../app/prerender/keep-prerendered';
import { openDefaultPage, renderFirstFrame } from '../../../app/prerender/render-first-frame';
import { readTransformStyle } from '../../../app/topology/cluster/fit-transform';

const { html, frame } = renderFirstFrame();

afterEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
  delete document.documentElement.dataset.firstFrame;
});

describe('the default page prerendered at build time', () => {
  it('is the article cluster view at step 1, in English, whole: the cluster drawn, the step counter, the details', () => {
    const root = document.createElement('div');
    root.innerHTML = html;
    expect(root.querySelector('svg[data-id="cluster-view"]')?.querySelectorAll('rect, text, path, line').length).toBeGreaterThan(100);
    expect(root.querySelector('[data-id="step-position"]')?.textContent).toContain('Step 1 of 45');
    expect(root.textContent).toContain('Step details');
    expect(root.querySelectorAll('[data-id^="loading-"]')).toHaveLength(0);
  });

  it('hydrates in the browser with no mismatch: the same elements, nothing rendered anew', async () => {
    const root = document.createElement('div');
    root.innerHTML = html;
    document.body.append(root);
    const svg = root.querySelector('svg[data-id="cluster-view"]');
    const count = root.querySelectorAll('*').length;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const recoverable = vi.fn();
    const page = hydrateRoot(root, pageElement(openDefaultPage()), { onRecoverableError: recoverable });
    await act(async () => undefined);
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    // Hydrated, not replaced: the prerendered svg is the one React now drives.
    expect(root.querySelector('svg[data-id="cluster-view"]')).toBe(svg);
    expect(root.querySelectorAll('*').length).toBe(count);
    act(() => page.unmount());
  });

  it('tells the gate the query the page writes for itself, and where a saved scenario is kept', () => {
    expect(frame.params).toEqual({ preset: 'article', view: 'cluster', step: '1', lang: 'en' });
    expect(frame.storageKey).toBe('packetwalk.scenario.v1');
    expect(frame.focus).not.toBeNull();
  });
});

describe('the gate', () => {
  it('keeps the prerendered page for its own URL only', () => {
    const opens = (search: string, saved = false) => opensFirstFrame(search, saved, frame);
    expect(opens('')).toBe(true);
    expect(opens('?preset=article&view=cluster&step=1&lang=en')).toBe(true);
    expect(opens('?lang=en&preset=article')).toBe(true);
    for (const other of [
      '?preset=scale&step=3',
      '?lang=zh',
      '?step=2',
      '?theme=dark',
      '?embed=1',
      '?mode=ipvs',
      '?preset=article&preset=scale',
    ])
      expect(opens(other), other).toBe(false);
    // A URL naming no preset opens the scenario an earlier visit saved.
    expect(opens('', true)).toBe(false);
    expect(opens('?lang=en', true)).toBe(false);
    expect(opens('?preset=article', true)).toBe(true);
  });

  const page = (search: string, saved: string | null = null) => {
    const root = document.createElement('div');
    root.id = 'root';
    root.setAttribute('data-prerendered', '');
    root.innerHTML = html;
    const end = document.createElement('template');
    end.setAttribute('data-prerendered-end', '');
    document.body.append(root, end);
    // What the build writes in place of the page's module script.
    const entry = document.createElement('meta');
    entry.name = 'packetwalk-entry';
    entry.content = './assets/index-test.js';
    document.head.append(entry);
    const frames: FrameRequestCallback[] = [];
    const tasks: (() => void)[] = [];
    const win = {
      document,
      location: { search },
      localStorage: { getItem: () => saved },
      requestAnimationFrame: (f: FrameRequestCallback) => frames.push(f),
      setTimeout: (f: () => void) => tasks.push(f),
      addEventListener: window.addEventListener.bind(window),
      removeEventListener: window.removeEventListener.bind(window),
    } as unknown as Window;
    return { root, win, frames, tasks };
  };
  const pageCode = () => [...document.head.querySelectorAll<HTMLScriptElement>('script[type="module"]')].map((s) => s.src);

  it("marks another URL's page before the first paint, and the page's code then renders it anew", () => {
    const { root, win, frames } = page('?lang=zh');
    gateFirstFrame(win, frame as FirstFrame);
    expect(document.documentElement.dataset.firstFrame).toBe('client');
    expect(frames).toHaveLength(0);
    // The document is parsed: the page's code runs at once, nothing to wait for.
    expect(pageCode()).toEqual(['http://localhost:3000/assets/index-test.js']);
    expect(keepsPrerendered(document, root)).toBe(false);
    expect(root.childNodes).toHaveLength(0);
    expect(root.hasAttribute('data-prerendered')).toBe(false);
    expect(document.documentElement.dataset.firstFrame).toBeUndefined();
  });

  it('renders anew when a scenario saved by an earlier visit opens instead', () => {
    const { root, win } = page('', '{"scenario":{}}');
    gateFirstFrame(win, frame);
    expect(keepsPrerendered(document, root)).toBe(false);
  });

  it("opens the view of its own page on the window's size at the first frame, as the page's code will", () => {
    const { root, win, frames, tasks } = page('');
    const viewFrame = root.querySelector('[data-id="cluster-view-frame"]')!;
    vi.spyOn(viewFrame, 'getBoundingClientRect').mockReturnValue({ width: 880, height: 640 } as DOMRect);
    // The build writes inline styles aside (a CSP without 'unsafe-inline' refuses them from HTML): the gate sets them.
    const run = root.querySelector('.pw-tick-run')!;
    run.removeAttribute('style');
    run.setAttribute('data-prerendered-style', 'flex-grow:15');
    gateFirstFrame(win, frame);
    expect(frames).toHaveLength(1);
    expect(pageCode()).toEqual([]);
    frames[0]!(0);
    // The page's code runs in a task after that frame's paint, not before.
    expect(pageCode()).toEqual([]);
    expect(tasks).toHaveLength(1);
    tasks[0]!();
    expect(pageCode()).toEqual(['http://localhost:3000/assets/index-test.js']);
    const k = Math.min(1.25, (880 - 16) / frame.canvas.width, (640 - 16) / frame.canvas.height);
    expect(readTransformStyle(root.querySelector<SVGSVGElement>('svg[data-id="cluster-view"]')!.style.transform)).toEqual({
      x: (880 - frame.canvas.width * k) / 2,
      y: 8,
      k,
    });
    expect((run as HTMLElement).style.flexGrow).toBe('15');
    expect(run.hasAttribute('data-prerendered-style')).toBe(false);
    expect(keepsPrerendered(document, root)).toBe(true);
    expect(root.querySelector('svg[data-id="cluster-view"]')).not.toBeNull();
  });

  it('opens its own page at once in a hidden tab, which runs no animation frame', () => {
    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const { root, win, frames } = page('');
    gateFirstFrame(win, frame);
    expect(pageCode()).toEqual(['http://localhost:3000/assets/index-test.js']);
    // The frame that comes once the tab is shown finds the view opened already.
    frames[0]!(0);
    expect(pageCode()).toHaveLength(1);
    expect(keepsPrerendered(document, root)).toBe(true);
    hidden.mockRestore();
  });
});
