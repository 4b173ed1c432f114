import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../app/App';
import { PageAlerts } from '../../app/shell/PageAlerts';
import { Header } from '../../app/shell/Header';
import { scenarioFileName } from '../../app/shell/scenario-file-name';
import { createAppStore } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';
import { openFromUrl } from '../../app/url/url-state';
import { PRESETS } from '../../src/index';

const renderHeader = (store = createAppStore(), share = 'Share') => {
  render(
    <StoreProvider store={store}>
      <Header />
      <PageAlerts />
    </StoreProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: share }));
  return store;
};

const jsonFile = (name: string, value: unknown) =>
  new File([typeof value === 'string' ? value : JSON.stringify(value)], name, { type: 'application/json' });
const upload = async (file: File) => {
  const input = screen.getByLabelText('Upload JSON', { selector: 'input' });
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
};

afterEach(() => vi.restoreAllMocks());

describe('the share menu', () => {
  it('copies the full URL of the frame on screen and says so in a live region', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const store = renderHeader(createAppStore({ preset: 'hairpin', step: 4 }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy link' })));
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/?preset=hairpin&view=cluster&step=5&lang=en`);
    expect(screen.getByRole('status').textContent).toMatch(/Link copied/);
    act(() => void store.getState().loadScenario({ ...PRESETS.article, name: 'mine' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy link' })));
    expect(writeText).toHaveBeenLastCalledWith(expect.stringMatching(/\/\?s=[A-Za-z0-9+$-]+&view=cluster&step=1&lang=en$/));
  });

  it('selects the link in a read-only input when the clipboard refuses', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    renderHeader();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy link' })));
    const input = screen.getByRole('textbox', { name: 'Link to this frame' }) as HTMLInputElement;
    expect(input.readOnly).toBe(true);
    expect(input.value).toContain('?preset=article');
    expect(document.activeElement === input || input.selectionEnd === input.value.length).toBe(true);
    expect(screen.getByRole('status').textContent).toMatch(/Ctrl\+C/);
  });

  it('downloads the scenario as packetwalk-<name>.json through a Blob URL', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), 'blob:x'));
    URL.revokeObjectURL = vi.fn();
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const store = renderHeader(createAppStore({ preset: 'same-node' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    expect(clicked[0]!.download).toBe('packetwalk-same-node.json');
    expect(JSON.parse(await blobs[0]!.text())).toEqual(store.getState().scenario);
  });

  it('opens an uploaded scenario as a custom one', async () => {
    const store = renderHeader();
    await upload(jsonFile('mine.json', { ...PRESETS.hairpin, name: 'my hairpin', seed: 3 }));
    expect(store.getState()).toMatchObject({ presetName: null, scenario: { name: 'my hairpin', seed: 3 } });
    expect(screen.getByRole('status').textContent).toBe('Opened “my hairpin”.');
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveProperty('value', '');
  });

  it('opens an uploaded file in the kube-proxy mode and scheduler it records', async () => {
    const store = renderHeader();
    await upload(jsonFile('ipvs.json', { ...PRESETS.article, name: 'in ipvs', mode: 'ipvs', scheduler: 'sh' }));
    expect(store.getState()).toMatchObject({ mode: 'ipvs', scheduler: 'sh', scenario: { name: 'in ipvs' } });
    expect(screen.getByRole('combobox', { name: 'IPVS scheduler' })).toHaveProperty('value', 'sh');
  });

  it('keeps the link the clipboard refused while a file is refused, and drops it once a file opens', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    renderHeader();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy link' })));
    await upload(jsonFile('bad.json', '{'));
    expect(screen.getByRole('textbox', { name: 'Link to this frame' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('');
    await upload(jsonFile('mine.json', { ...PRESETS.hairpin, name: 'mine' }));
    expect(screen.queryByRole('textbox', { name: 'Link to this frame' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Opened “mine”.');
  });

  it.each([
    ['not JSON', jsonFile('bad.json', '{"schemaVersion": 1,'), /^is not valid JSON/],
    [
      'a wrong schema version',
      jsonFile('v3.json', { ...PRESETS.article, schemaVersion: 3 }),
      /^schemaVersion: version 3 is not one this page reads/,
    ],
    [
      'a __proto__ key',
      jsonFile('p.json', JSON.stringify(PRESETS.article).replace('{', '{"__proto__":{"polluted":1},')),
      /^__proto__: "__proto__" is not allowed/,
    ],
    [
      'HTML as a pod name',
      jsonFile('x.json', {
        ...PRESETS.article,
        cluster: { ...PRESETS.article!.cluster, pods: [{ name: '<img src=x onerror=alert(1)>', node: 'vm1' }] },
      }),
      /^cluster\.pods\[0\]\.name: must be a DNS label/,
    ],
    ['a file over 1 MB', jsonFile('big.json', ' '.repeat(1024 * 1024 + 1)), /^the file is 1\.0 MB; the limit is 1\.0 MB/],
  ])('lists what is wrong with %s and changes nothing', async (_what, file, line) => {
    const store = renderHeader();
    const before = store.getState().scenario;
    await upload(file);
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText(new RegExp(`“${file.name}” was not opened`))).toBeTruthy();
    expect(within(alert).getAllByRole('listitem')[0]!.textContent).toMatch(line);
    expect(alert.querySelector('img')).toBeNull();
    expect(store.getState().scenario).toBe(before);
    expect(store.getState().presetName).toBe('article');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says when a scenario is too large for a link, and offers no link', () => {
    const store = createAppStore();
    store.getState().loadScenario({ ...PRESETS.scale, name: 'big' });
    renderHeader(store);
    expect(screen.getByRole('button', { name: 'Copy link' })).toHaveProperty('disabled', true);
    expect(screen.getByText(/too large for a link \(\d+ characters; a link holds 8000\): download it as a file/)).toBeTruthy();
  });

  it('speaks Chinese', () => {
    renderHeader(createAppStore({ lang: 'zh' }), '分享');
    expect(screen.getByRole('button', { name: '复制链接' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '下载 JSON' })).toBeTruthy();
  });
});

describe('a link whose scenario cannot be opened', () => {
  it('shows the reasons as text under an alert naming "s"', () => {
    const store = openFromUrl('?s=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', createAppStore);
    render(
      <StoreProvider store={store}>
        <PageAlerts />
      </StoreProvider>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('URL parameter “s”');
    expect(within(alert).getByRole('listitem').textContent).toMatch(/not valid compressed data/);
    expect(alert.querySelector('img')).toBeNull();
  });
});

describe('embed=1', () => {
  it('shows only the topology, the narration and the controls, with a link to the full page', async () => {
    const store = createAppStore({ preset: 'article', step: 3 });
    render(
      <StoreProvider store={store}>
        <App embed />
      </StoreProvider>,
    );
    expect(screen.queryByRole('combobox', { name: 'Scenario' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Share' })).toBeNull();
    expect(document.querySelector('[data-id="panel-narration"]')).not.toBeNull();
    expect(document.querySelector('[data-id="panel-rules"]')).toBeNull();
    expect(screen.getByRole('group', { name: /controls|playback/i })).toBeTruthy();
    const link = screen.getByRole('link', { name: /Open in packetwalk/ });
    expect(link.getAttribute('href')).toBe('/?preset=article&view=cluster&step=4&lang=en');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener');
    act(() => store.getState().stepForward());
    await waitFor(() => expect(link.getAttribute('href')).toContain('step=5'));
  });
});

describe('scenarioFileName', () => {
  it.each([
    ['article', 'packetwalk-article.json'],
    ['My Cluster (v2)', 'packetwalk-my-cluster-v2.json'],
    ['../../etc/passwd', 'packetwalk-etc-passwd.json'],
    ['<img src=x>', 'packetwalk-img-src-x.json'],
    ['集群', 'packetwalk-scenario.json'],
    ['Café', 'packetwalk-cafe.json'],
  ])('%s -> %s', (name, file) => expect(scenarioFileName(name)).toBe(file));
});

describe('the share menu as a menu', () => {
  it('closes on Escape (focus back on its button) and on a press elsewhere', () => {
    renderHeader();
    const toggle = screen.getByRole('button', { name: 'Share' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(screen.getByRole('button', { name: 'Copy link' }), { key: 'Escape' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
    fireEvent.click(toggle);
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeTruthy();
    fireEvent.pointerDown(document.body);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });
});
