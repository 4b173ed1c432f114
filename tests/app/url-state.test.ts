import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../app/store/create-app-store';
import { selectClassicStep } from '../../app/store/selectors';
import { syncUrl, type UrlHost } from '../../app/url/sync-url';
import { openFromUrl, readUrl, writeUrl } from '../../app/url/url-state';

const open = (search: string) => openFromUrl(search, createAppStore);

function fakeWindow(search: string) {
  const calls: string[] = [];
  const listeners: (() => void)[] = [];
  const host = {
    location: { search, pathname: '/' },
    history: {
      pushState: (_d: unknown, _u: string, url: string) => {
        calls.push(`push ${url}`);
        host.location = { ...host.location, search: url.slice(1) };
      },
      replaceState: (_d: unknown, _u: string, url: string) => {
        calls.push(`replace ${url}`);
        host.location = { ...host.location, search: url.slice(1) };
      },
    },
    addEventListener: (_t: 'popstate', l: () => void) => void listeners.push(l),
    removeEventListener: () => {},
    calls,
    back(to: string) {
      host.location = { ...host.location, search: to };
      for (const l of listeners) l();
    },
  };
  const typed: UrlHost = host;
  return Object.assign(host, { typed });
}

describe('URLs', () => {
  it('opens the classic figure step a URL names, paused', () => {
    const store = open('?view=classic&figure=service-to-pod&step=2&lang=zh');
    const s = store.getState();
    expect(s.view).toBe('classic');
    expect(s.lang).toBe('zh');
    expect(s.playing).toBe(false);
    expect(selectClassicStep(s)).toMatchObject({ figure: 'service-to-pod', n: 2 });
    expect(s.trace.steps[s.cursor.step]!.kind).toBe('reverse-nat');
    expect(s.alerts).toEqual([]);
  });

  it('writes what is on screen and reads it back to the same frame', () => {
    const store = open('?preset=hairpin&view=cluster&step=9&lang=en');
    const search = writeUrl(store.getState());
    expect(search).toBe('?preset=hairpin&view=cluster&step=9&lang=en');
    expect(open(search).getState().cursor).toEqual(store.getState().cursor);
  });

  it('keeps a non-default seed in the URL', () => {
    const store = open('?preset=article&seed=0');
    expect(store.getState().trace.connections[0]!.endpointPod).toBe('pod3');
    expect(writeUrl(store.getState())).toContain('seed=0');
  });

  it.each([
    ['?preset=nope', 'preset', 'unknown'],
    ['?view=3d', 'view', 'unknown'],
    ['?lang=fr', 'lang', 'unknown'],
    ['?step=9999', 'step', 'out-of-range'],
    ['?step=0', 'step', 'out-of-range'],
    ['?step=abc', 'step', 'invalid'],
    ['?view=classic&figure=pod-to-service&step=6', 'step', 'out-of-range'],
    ['?figure=sideways', 'figure', 'unknown'],
    ['?seed=-1', 'seed', 'invalid'],
    ['?mode=nftables', 'mode', 'unknown'],
    ['?preset=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', 'preset', 'unknown'],
  ])('%s: an alert names "%s" and the page falls back to the default', (search, param, reason) => {
    const s = open(search).getState();
    expect(s.alerts).toEqual([expect.objectContaining({ param, reason })]);
    expect(s.trace.steps.length).toBeGreaterThan(0);
  });

  it('shows the default page for garbage', () => {
    const s = open('?%%%&&&=&step=&preset').getState();
    expect(s.presetName).toBe('article');
    expect(s.view).toBe('cluster');
  });

  it('replaces the history entry for a step and pushes one for a preset or view', () => {
    const store = open('?preset=article&view=cluster&step=1&lang=en');
    const host = fakeWindow('?preset=article&view=cluster&step=1&lang=en');
    syncUrl(store, host.typed);
    store.getState().stepForward();
    store.getState().setView('classic');
    store.getState().loadPreset('same-node');
    expect(host.calls).toEqual([
      'replace /?preset=article&view=cluster&step=2&lang=en',
      'push /?preset=article&view=classic&figure=pod-to-service&step=2&lang=en',
      'push /?preset=same-node&view=classic&step=1&lang=en',
    ]);
    host.back('?preset=article&view=cluster&step=2&lang=en');
    expect(store.getState()).toMatchObject({ presetName: 'article', view: 'cluster', cursor: { step: 1 } });
  });

  it('reads the request without touching a store', () => {
    expect(readUrl('?preset=hairpin&view=list')).toMatchObject({ preset: 'hairpin', view: 'list', alerts: [] });
  });
});

describe('the IPVS scheduler in the URL', () => {
  it('opens with scheduler=sh and writes it back; rr, the default, is left out', () => {
    const store = open('?preset=session-affinity&mode=ipvs&scheduler=sh');
    expect(store.getState().scheduler).toBe('sh');
    expect(store.getState().trace.scheduler).toBe('sh');
    expect(writeUrl(store.getState())).toContain('&mode=ipvs&scheduler=sh');
    store.getState().setScheduler('rr');
    expect(writeUrl(store.getState())).not.toContain('scheduler');
  });

  it('alerts on an unknown scheduler', () => {
    expect(open('?mode=ipvs&scheduler=random').getState().alerts).toEqual([expect.objectContaining({ param: 'scheduler', reason: 'unknown' })]);
  });
});
