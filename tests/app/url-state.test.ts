import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { encodeScenario, PRESETS, presetScenario } from '../../src/index';
import { createAppStore } from '../../app/store/create-app-store';
import { selectClassicStep } from '../../app/store/selectors';
import { syncUrl, type UrlHost } from '../../app/url/sync-url';
import { openFromUrl, readUrl, urlWriter, writeUrl } from '../../app/url/url-state';

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
    ['?mode=nft', 'mode', 'unknown'],
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

describe('nftables mode in the URL', () => {
  it('opens mode=nftables, writes it back with the step, and leaves out an IPVS scheduler it has no use for', () => {
    const store = open('?preset=article&step=5&mode=nftables&scheduler=sh');
    expect(store.getState()).toMatchObject({ mode: 'nftables', alerts: [] });
    expect(store.getState().trace.mode).toBe('nftables');
    const search = writeUrl(store.getState());
    expect(search).toBe('?preset=article&view=cluster&step=5&lang=en&mode=nftables');
    expect(open(search).getState()).toMatchObject({ mode: 'nftables', cursor: { step: 4 } });
    store.getState().setMode('iptables');
    expect(writeUrl(store.getState())).not.toContain('mode=');
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
    expect(open('?mode=ipvs&scheduler=random').getState().alerts).toEqual([
      expect.objectContaining({ param: 'scheduler', reason: 'unknown' }),
    ]);
  });
});

const custom = { ...PRESETS['three-replicas']!, name: 'my <b>own</b> cluster', seed: 7 };
const customStore = () => {
  const store = open('?preset=article&view=cluster&step=1&lang=en');
  expect(store.getState().loadScenario(custom).ok).toBe(true);
  return store;
};

describe('a custom scenario in the URL (s=)', () => {
  it('is written as s= first, with the view, step and language, and opens at the same frame', () => {
    const store = customStore();
    for (let i = 0; i < 4; i++) store.getState().stepForward();
    const search = writeUrl(store.getState());
    expect(search).toMatch(/^\?s=[A-Za-z0-9+$-]+&view=cluster&step=5&lang=en$/);
    expect(search).not.toContain('preset=');
    const reopened = open(search).getState();
    expect(reopened).toMatchObject({ presetName: null, scenario: store.getState().scenario, cursor: store.getState().cursor, alerts: [] });
    expect(reopened.trace.seed).toBe(7);
  });

  it('reads a link whose "+" a query string turned into spaces', () => {
    const encoded = encodeScenario(presetScenario('hairpin')!);
    const s = open(`?s=${encoded}`).getState();
    expect(s.presetName).toBeNull();
    expect(s.scenario.name).toBe('hairpin');
    expect(s.alerts).toEqual([]);
  });

  it('wins over preset=', () => {
    const s = open(`?preset=same-node&s=${encodeScenario(presetScenario('hairpin')!)}&step=3`).getState();
    expect(s).toMatchObject({ presetName: null, scenario: { name: 'hairpin' }, cursor: { step: 2 } });
  });

  it('keeps the mode and the classic figure step', () => {
    const store = customStore();
    store.getState().setMode('ipvs');
    store.getState().setView('classic');
    const search = writeUrl(store.getState());
    expect(search).toContain('&view=classic&figure=pod-to-service&step=1&lang=en&mode=ipvs');
    expect(open(search).getState()).toMatchObject({ mode: 'ipvs', view: 'classic', presetName: null });
  });

  const pack = (value: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(value));
  it.each([
    ['garbage', 'not*lz*string', /not valid compressed data/],
    ['a truncated link', encodeScenario(presetScenario('article')!).slice(0, 120), /not valid compressed data|not valid JSON/],
    ['a value over 8,000 characters', 'A'.repeat(9000), /9000 characters long/],
    ['a wrong schema version', pack({ ...PRESETS.article, schemaVersion: 9 }), /^schemaVersion: version 9/],
    [
      'an unknown node',
      pack({ ...PRESETS.article, cluster: { ...PRESETS.article!.cluster, pods: [{ name: 'p', node: 'vm9' }] } }),
      /^cluster\.pods\[0\]\.node: no node named "vm9"/,
    ],
  ])('%s: an alert names "s" with the reason and the article is shown', (_what, value, reason) => {
    const s = open(`?s=${value}&step=3`).getState();
    expect(s.alerts).toEqual([expect.objectContaining({ param: 's', reason: 'invalid', value: expect.stringMatching(reason) })]);
    expect(s.presetName).toBe('article');
    expect(s.cursor.step).toBe(2);
  });

  it('lists the first three errors and how many more', () => {
    const pods = Array.from({ length: 5 }, (_, i) => ({ name: `p${i}`, node: 'nowhere' }));
    const s = open(`?s=${pack({ ...PRESETS.article, cluster: { ...PRESETS.article!.cluster, pods } })}`).getState();
    const lines = s.alerts[0]!.value.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/and \d+ more/);
  });

  it('pushes a history entry for a new scenario and replaces it for a step; Back and Forward re-open it', () => {
    const store = open('?preset=article&view=cluster&step=1&lang=en');
    const host = fakeWindow('?preset=article&view=cluster&step=1&lang=en');
    syncUrl(store, host.typed);
    store.getState().loadScenario(custom);
    store.getState().stepForward();
    store.getState().loadScenario({ ...custom, seed: 8 });
    const link = writeUrl(store.getState());
    expect(host.calls.map((c) => c.split(' ')[0])).toEqual(['push', 'replace', 'push']);
    expect(host.calls[1]).toMatch(/^replace \/\?s=.+&view=cluster&step=2&lang=en$/);
    const first = host.calls[1]!.slice('replace /'.length);
    host.back(first);
    expect(store.getState()).toMatchObject({ presetName: null, scenario: { seed: 7 }, cursor: { step: 1 } });
    host.back('?preset=article&view=cluster&step=1&lang=en');
    expect(store.getState()).toMatchObject({ presetName: 'article', cursor: { step: 0 } });
    host.back(link);
    expect(store.getState()).toMatchObject({ presetName: null, scenario: { seed: 8 } });
    expect(host.calls).toHaveLength(3);
  });
});

describe('a custom scenario too large for a link', () => {
  it('is left out of the URL, which a reload cannot read anyway; the preset is not claimed either', () => {
    const store = open('?preset=article');
    expect(store.getState().loadScenario({ ...PRESETS.scale, name: 'big' }).ok).toBe(true);
    const search = writeUrl(store.getState());
    expect(search).toBe('?view=cluster&step=1&lang=en');
  });
});

describe('embed=1', () => {
  it('is read from the URL and kept in every URL the page writes', () => {
    expect(readUrl('?embed=1').embed).toBe(true);
    expect(readUrl('?preset=article').embed).toBe(false);
    const store = open('?preset=article&step=2&embed=1');
    const host = fakeWindow('?preset=article&step=2&embed=1');
    syncUrl(store, host.typed);
    store.getState().stepForward();
    expect(host.calls.at(-1)).toBe('replace /?preset=article&view=cluster&step=3&lang=en&embed=1');
  });

  it('alerts on a value other than 0 or 1', () => {
    expect(open('?embed=yes').getState().alerts).toEqual([expect.objectContaining({ param: 'embed', reason: 'unknown' })]);
  });
});

describe('urlWriter, the URL for a subscriber called at every store change', () => {
  it('gives what writeUrl gives through steps, languages, views, modes, a custom scenario and playback frames', () => {
    const store = open('?preset=hairpin&step=2');
    const toUrl = urlWriter();
    const toEmbedUrl = urlWriter({ embed: true });
    const same = () => {
      expect(toUrl(store.getState())).toBe(writeUrl(store.getState()));
      expect(toEmbedUrl(store.getState())).toBe(writeUrl(store.getState(), { embed: true }));
    };
    same();
    const s = store.getState();
    for (const change of [
      () => s.stepForward(),
      () => s.setLang('zh'),
      () => s.setView('classic'),
      () => s.stepForward(),
      () => s.setView('cluster'),
      () => s.setMode('ipvs'),
      () => s.setScheduler('sh'),
      () => s.setTheme('dark'),
      () => s.setPresent(true),
      () => s.loadScenario({ ...PRESETS['no-endpoints']!, name: 'mine' }),
      () => s.stepForward(),
    ]) {
      change();
      same();
    }
  });

  it('writes the same string, unchanged, while only the animation moves within a step', () => {
    const store = open('?preset=article&step=3');
    const toUrl = urlWriter();
    const before = toUrl(store.getState());
    store.getState().play();
    store.getState().advance(40);
    expect(store.getState().cursor).toMatchObject({ step: 2 });
    expect(store.getState().cursor.t).toBeGreaterThan(0);
    expect(toUrl(store.getState())).toBe(before);
    store.getState().advance(60_000);
    expect(toUrl(store.getState())).toBe(writeUrl(store.getState()));
    expect(toUrl(store.getState())).not.toBe(before);
  });
});
