import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { NodeTraceInput } from '../../src/node-trace';
import { nodeStrings, problemText } from '../../app/i18n/node-strings';
import { checkDraft, EMPTY_DRAFT } from '../../app/node/node-draft';
import { decodeNodeLink, encodeNodeLink } from '../../app/node/node-link';
import { holdNodeLink } from '../../app/url/node-link-param';
import { createNodeTraceRunner, NodeRunCancelled, type NodeTraceRunner, type NodeWorkerLike } from '../../app/node/node-trace-runner';
import { NodePanel } from '../../app/node/NodePanel';
import { runNodeTrace } from '../../app/node/run-node-trace';
import { SidePane } from '../../app/shell/SidePane';
import { createAppStore } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';
import { readUrl, writeUrl } from '../../app/url/url-state';

const fixture = (name: string) => readFileSync(`tests/fixtures/node-dumps/${name}`, 'utf8');

/** The worker's steps on this thread, recording what each run was asked. */
function hereRunner(): NodeTraceRunner & { inputs: NodeTraceInput[] } {
  const inputs: NodeTraceInput[] = [];
  return {
    inputs,
    run: (input, onProgress) =>
      new Promise((resolve) => {
        inputs.push(input);
        runNodeTrace(1, input, (r) => {
          if (r.kind === 'progress') onProgress(r.line, r.total);
          else if (r.kind === 'done') resolve({ result: r.result, ms: r.ms });
        });
      }),
    cancel: () => undefined,
  };
}

function renderPanel(lang: 'en' | 'zh' = 'en', run: NodeTraceRunner = hereRunner()) {
  const store = createAppStore({ preset: 'article', lang, lab: 'node' });
  render(
    <StoreProvider store={store}>
      <NodePanel run={run} />
    </StoreProvider>,
  );
  return store;
}

const dumpBox = () => screen.getByRole('textbox', { name: /iptables-save/ }) as HTMLTextAreaElement;
const type = (name: RegExp | string, value: string) => fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } });
const press = async (name: RegExp | string) => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
};

/** The example loads on demand: its note shows once it filled the form. */
async function useExample() {
  await press('Use an example');
  await screen.findByText(/^Example: a Calico node's iptables-nft-save -c/);
}

describe('"Your node": the form', () => {
  it('before any text: the empty state and the privacy line; Trace with nothing says what is required, beside each field, and runs nothing', async () => {
    const run = hereRunner();
    renderPanel('en', run);
    expect(screen.getByText(/^Paste a dump above, open a file or use the example/)).toBeTruthy();
    expect(screen.getByText(/^Nothing leaves your browser/)).toBeTruthy();
    type('Destination port', '');
    await press('Trace');
    expect(run.inputs).toEqual([]);
    for (const name of [/iptables-save/, 'Source IP', 'Destination IP', 'Destination port']) {
      const field = screen.getByRole('textbox', { name });
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(field.getAttribute('aria-describedby')).toBeTruthy();
      expect(screen.getByRole('textbox', { name, description: /Required\./ })).toBe(field);
    }
    // The first field to fix has the focus.
    expect(document.activeElement).toBe(dumpBox());
  });

  it('says what is wrong with an address or a port, in English and in Chinese', async () => {
    renderPanel('zh');
    type(/iptables-save/, '*filter\nCOMMIT\n');
    type('源 IP', '10.244.1');
    type('目的 IP', 'fd00::a');
    type('源端口', '70000');
    type('目的端口', '80');
    await press('追踪');
    expect(screen.getByRole('textbox', { name: '源 IP' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('“10.244.1”不是 IPv4 或 IPv6 地址（例如 10.96.0.10 或 fd00:10:96::a）。')).toBeTruthy();
    // An IPv6 destination is a fine address (its family is checked once the source is one).
    expect(screen.getByRole('textbox', { name: '目的 IP' }).getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByText('端口是 1 到 65535 之间的整数。')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: '目的端口' }).getAttribute('aria-invalid')).toBe('false');
  });

  it('checkDraft canonicalises the addresses and reads the node facts', () => {
    const checked = checkDraft({
      ...EMPTY_DRAFT,
      text: 'x',
      src: ' 10.244.1.02 ',
      dst: '10.96.0.10',
      dport: '53',
      protocol: 'udp',
      localAddresses: '192.168.0.11, 10.0.0.1',
      podInterface: 'cali1',
    });
    expect(checked).toEqual({
      ok: true,
      input: {
        text: 'x',
        packet: { src: '10.244.1.2', dst: '10.96.0.10', sport: 40000, dport: 53, protocol: 'udp' },
        origin: 'pod',
        facts: { localAddresses: ['192.168.0.11', '10.0.0.1'], podInterface: 'cali1' },
      },
    });
    expect(checkDraft({ ...EMPTY_DRAFT, text: 'x', src: '1.1.1.1', dst: '2.2.2.2', dport: '1', localAddresses: 'me' })).toMatchObject({
      ok: false,
      problems: { localAddresses: { kind: 'not-ip', value: 'me' } },
    });
  });

  it('takes IPv6 addresses in any of their forms, canonical; refuses a packet of two families and says so in both languages', () => {
    const v6 = {
      ...EMPTY_DRAFT,
      text: 'x',
      dport: '80',
      src: 'FD00:10:244:1:0:0:0:2',
      dst: 'fd00:10:96::a',
      localAddresses: '192.168.0.11 fd00:192:168:0::11',
    };
    expect(checkDraft(v6)).toMatchObject({
      ok: true,
      input: { packet: { src: 'fd00:10:244:1::2', dst: 'fd00:10:96::a' }, facts: { localAddresses: ['192.168.0.11', 'fd00:192:168::11'] } },
    });
    const mixed = checkDraft({ ...v6, dst: '10.96.0.10' });
    expect(mixed).toEqual({ ok: false, problems: { dst: { kind: 'families' } } });
    const bad = checkDraft({ ...v6, src: 'fd00::1::2' });
    expect(bad).toEqual({ ok: false, problems: { src: { kind: 'not-ip', value: 'fd00::1::2' } } });
    if (bad.ok || mixed.ok) throw new Error('refused above');
    expect(problemText(nodeStrings.en, bad.problems.src!)).toBe(
      '"fd00::1::2" is not an IPv4 or IPv6 address (like 10.96.0.10 or fd00:10:96::a).',
    );
    expect(problemText(nodeStrings.zh, bad.problems.src!)).toBe('“fd00::1::2”不是 IPv4 或 IPv6 地址（例如 10.96.0.10 或 fd00:10:96::a）。');
    expect(problemText(nodeStrings.en, mixed.problems.dst!)).toBe('The source and the destination must both be IPv4 or both IPv6.');
    expect(problemText(nodeStrings.zh, mixed.problems.dst!)).toBe('源地址和目的地址须同为 IPv4 或同为 IPv6。');
  });
});

describe('"Your node": the trace', () => {
  it('the example traces a pod to the ClusterIP: the DNAT rule by its line, the packet after NAT, the conntrack entry, the damaged line and rpfilter noted', async () => {
    renderPanel();
    await useExample();
    await press('Trace');
    const deciding = screen.getByText('Deciding rule').nextElementSibling as HTMLElement;
    expect(within(deciding).getByRole('button', { name: 'Show line 71 in the text' })).toBeTruthy();
    expect(deciding.textContent).toContain('-j DNAT --to-destination 10.244.2.3:8080');
    expect(screen.getByText('10.244.1.2:40000 → 10.244.2.3:8080 tcp')).toBeTruthy();
    expect(
      screen.getByText(/^tcp +6 120 SYN_SENT src=10\.244\.1\.2 dst=10\.96\.0\.10 sport=40000 dport=80 \[UNREPLIED\] src=10\.244\.2\.3/),
    ).toBeTruthy();
    expect(screen.getByText(/^Traced in [\d.]+ ms, in this browser\.$/)).toBeTruthy();
    const errors = within(document.querySelector<HTMLElement>('[data-id="node-errors"]')!);
    expect(errors.getByRole('button', { name: 'Show line 108 in the text' })).toBeTruthy();
    expect(errors.getByText(/^not a rule:/)).toBeTruthy();
    const path = within(screen.getByRole('region', { name: 'The path, hook by hook' }));
    expect(path.getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual([
      'raw PREROUTING: accepted (by the policy)',
      'mangle PREROUTING: accepted (by the policy)',
      'nat PREROUTING: accepted',
      'mangle FORWARD: accepted (by the policy)',
      'filter FORWARD: accepted',
      'mangle POSTROUTING: accepted (by the policy)',
      'nat POSTROUTING: accepted (by the policy)',
    ]);
    // The deciding rule of each table is marked where it stands in the path.
    expect(path.getAllByText(/decides/).length).toBeGreaterThan(0);
  });

  it('on the Chinese page the notes on the dump are in Chinese: the damaged line, the match not modelled', async () => {
    renderPanel('zh');
    await press('使用示例');
    await screen.findByText(/^示例：一个 Calico 节点/);
    await press('追踪');
    const errors = within(document.querySelector<HTMLElement>('[data-id="node-errors"]')!);
    expect(errors.getByRole('button', { name: '在文本中显示第 108 行' })).toBeTruthy();
    expect(errors.getByText(/^不是规则：/)).toBeTruthy();
    const unmodelled = within(document.querySelector<HTMLElement>('[data-id="node-not-modelled"]')!);
    expect(unmodelled.getByText('-m rpfilter 未被模拟：按不匹配计')).toBeTruthy();
    expect(document.querySelector('[data-id="node-errors"]')!.textContent).not.toMatch(/not a rule/);
    // Each rule's detail too: the words are Chinese, the match and the draw as the node prints them.
    const path = within(screen.getByRole('region', { name: /钩子/ }));
    expect(path.getByText('statistic：随机数 0.83 >= 概率 0.50')).toBeTruthy();
    expect(path.getAllByText('回到调用它的链').length).toBeGreaterThan(0);
    expect(path.getAllByText(/^-m mark --mark 0x\w+\/0x\w+（mark 为 0x\w+）$/).length).toBeGreaterThan(0);
    expect(path.queryByText(/back to the calling chain|mark is|statistic: /)).toBeNull();
  });

  it("a not-modelled match counted as matching traces again: Calico's rpfilter DROP on line 14 then drops the packet", async () => {
    const run = hereRunner();
    renderPanel('en', run);
    await useExample();
    await press('Trace');
    const box = screen.getByRole('checkbox', { name: '-m rpfilter on line 14 counts as matching' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    await act(async () => {
      fireEvent.click(box);
    });
    expect(run.inputs.at(-1)!.assumeMatching).toEqual([14]);
    expect(screen.getByText('Verdict').nextElementSibling!.textContent).toMatch(/^dropped/);
    const deciding = screen.getByText('Deciding rule').nextElementSibling as HTMLElement;
    expect(within(deciding).getByRole('button', { name: 'Show line 14 in the text' })).toBeTruthy();
    expect(screen.getByText('None (dropped, or not tracked).')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: '-m rpfilter on line 14 counts as matching' }) as HTMLInputElement).checked).toBe(true);
  });

  it('an nft list ruleset dump: read as such, each base chain by its table, name and priority, the dnat to by its line, in both languages', async () => {
    for (const lang of ['en', 'zh'] as const) {
      renderPanel(lang);
      const en = lang === 'en';
      type(/iptables-save/, fixture('nft-kube-proxy.txt'));
      type(en ? 'Source IP' : '源 IP', '10.244.1.2');
      type(en ? 'Destination IP' : '目的 IP', '10.96.0.10');
      type(en ? 'Destination port' : '目的端口', '80');
      type(en ? "The node's addresses" : '节点的地址', '192.168.0.11');
      await press(en ? 'Trace' : '追踪');
      expect(document.querySelector('[data-id="node-kind"]')!.textContent).toBe(en ? 'nft list ruleset output' : 'nft list ruleset 输出');
      const deciding = document.querySelector<HTMLElement>('[data-id="node-deciding"]')!;
      expect(deciding.textContent).toContain('dnat to 10.244.2.3:8080');
      expect(within(deciding).getByRole('button', { name: en ? 'Show line 74 in the text' : '在文本中显示第 74 行' })).toBeTruthy();
      const headings = within(screen.getByRole('region', { name: en ? 'The path, hook by hook' : /钩子/ }))
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent);
      expect(headings).toContain(
        en
          ? 'ip kube-proxy nat-prerouting (PREROUTING, priority -100): accepted'
          : 'ip kube-proxy nat-prerouting（PREROUTING，优先级 -100）：放行',
      );
      cleanup();
    }
  });

  it("a line's button selects that line in the text box", async () => {
    renderPanel();
    await useExample();
    await press('Trace');
    const deciding = screen.getByText('Deciding rule').nextElementSibling as HTMLElement;
    fireEvent.click(within(deciding).getByRole('button', { name: 'Show line 71 in the text' }));
    const box = dumpBox();
    expect(document.activeElement).toBe(box);
    const selected = box.value.slice(box.selectionStart, box.selectionEnd);
    expect(selected).toBe(box.value.split('\n')[70]);
    expect(selected).toContain('-j DNAT --to-destination 10.244.2.3:8080');
  });

  it('text with no table at all: the engine\'s "unusable input" message, as text, never as markup', async () => {
    renderPanel();
    type(/iptables-save/, '<img src=x onerror=alert(1)> hello');
    type('Source IP', '10.244.1.2');
    type('Destination IP', '10.96.0.10');
    type('Destination port', '80');
    await press('Trace');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('This text cannot be traced');
    expect(alert.textContent).toContain('no table found: paste iptables-save output');
    expect(document.querySelector('img')).toBeNull();
  });

  it('a big dump: progress while it is read, and the runs of rules that did not match are folded into one row', async () => {
    const dump = fixture('kube-proxy-legacy.txt');
    const filler = Array.from(
      { length: 6_000 },
      (_, i) => `-A KUBE-SERVICES -d 10.97.${i >> 8}.${i & 255}/32 -p tcp -m tcp --dport 80 -j ACCEPT`,
    );
    // Services before svc1's rule in KUBE-SERVICES: the packet meets 6,000 rules that do not match.
    const big = dump.replace(/^(-A KUBE-SERVICES )/m, `${filler.join('\n')}\n$1`);
    const progress: number[] = [];
    const here = hereRunner();
    renderPanel('en', {
      ...here,
      run: (input, onProgress) => here.run(input, (line, total) => (progress.push(line), onProgress(line, total))),
    });
    type(/iptables-save/, big);
    type('Source IP', '10.244.1.2');
    type('Destination IP', '10.96.0.10');
    type('Destination port', '80');
    await press('Trace');
    expect(progress).toEqual([0, 5000]);
    const fold = screen.getByRole('button', { name: /^6000 rules did not match \(lines \d+–\d+\): show them$/ });
    expect(screen.getAllByRole('listitem').length).toBeLessThan(200);
    await act(async () => {
      fireEvent.click(fold);
    });
    expect(screen.getAllByRole('listitem').length).toBeGreaterThan(500);
  }, 20_000);
});

describe('the node worker runner', () => {
  it('passes progress on, and Cancel ends the worker and rejects the run as cancelled', async () => {
    const sent: unknown[] = [];
    const terminate = vi.fn();
    const fake: NodeWorkerLike = { postMessage: (r) => sent.push(r), onmessage: null, onerror: null, terminate };
    const runner = createNodeTraceRunner(() => fake);
    const onProgress = vi.fn();
    const input = checkDraft({ ...EMPTY_DRAFT, text: 'x', src: '1.1.1.1', dst: '2.2.2.2', dport: '80' });
    if (!input.ok) throw new Error('bad draft');
    const running = runner.run(input.input, onProgress);
    fake.onmessage!({ data: { id: 1, kind: 'progress', line: 5000, total: 50000 } } as MessageEvent);
    expect(onProgress).toHaveBeenCalledWith(5000, 50000);
    runner.cancel();
    await expect(running).rejects.toBeInstanceOf(NodeRunCancelled);
    expect(terminate).toHaveBeenCalledOnce();
    expect(sent).toHaveLength(1);
  });
});

describe('lab=node', () => {
  it('is read from the URL and written back; the side pane opens on "Your node", and the pasted text is kept across tabs, never in the URL', async () => {
    expect(readUrl('?lab=node').lab).toBe('node');
    const store = createAppStore({ preset: 'article', lab: 'node' });
    expect(writeUrl(store.getState())).toContain('lab=node');
    render(
      <StoreProvider store={store}>
        <SidePane />
      </StoreProvider>,
    );
    expect(screen.getByRole('tab', { name: 'Your node' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Trace a packet through your node' })).toBeTruthy();
    type(/iptables-save/, '*nat\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n');
    expect(writeUrl(store.getState())).not.toContain('PREROUTING');
    fireEvent.click(screen.getByRole('tab', { name: 'Step details' }));
    expect(store.getState().lab).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Your node' }));
    expect(dumpBox().value).toBe('*nat\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n');
  });
});

describe('"Your node": a link to a trace (node=)', () => {
  const calicoDraft = () => ({
    ...EMPTY_DRAFT,
    text: fixture('calico-counters.txt'),
    src: '10.244.1.2',
    dst: '10.96.0.10',
    dport: '80',
    localAddresses: '192.168.0.11',
    podInterface: 'cali12d4a061371',
    ipsetSave: fixture('calico-ipsets.txt'),
  });
  function renderOpenedBy(raw: string, lang: 'en' | 'zh' = 'en', run: NodeTraceRunner = hereRunner()) {
    const store = createAppStore({ preset: 'article', lang, lab: 'node' });
    holdNodeLink(store, raw);
    render(
      <StoreProvider store={store}>
        <NodePanel run={run} />
      </StoreProvider>,
    );
    return store;
  }

  it('a link fills the tab (text, facts, packet) and traces it once, with its lines counted as matching', async () => {
    const link = encodeNodeLink(calicoDraft(), [14]);
    if (!link.ok) throw new Error('too long');
    const run = hereRunner();
    renderOpenedBy(link.value, 'en', run);
    expect(dumpBox().value).toBe(fixture('calico-counters.txt'));
    expect((screen.getByRole('textbox', { name: 'Source IP' }) as HTMLInputElement).value).toBe('10.244.1.2');
    expect((screen.getByRole('textbox', { name: "A pod's interface" }) as HTMLInputElement).value).toBe('cali12d4a061371');
    // rpfilter (line 14) counted as matching: its DROP decides.
    await screen.findByText(/^Traced in/);
    expect(run.inputs).toHaveLength(1);
    expect(run.inputs[0]!.assumeMatching).toEqual([14]);
    expect(document.querySelector('[data-id="node-verdict"]')!.getAttribute('data-verdict')).toBe('DROP');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each([
    [
      'en',
      'not lz-string data',
      '%%%',
      /^The trace in this link \(URL parameter “node”\) could not be opened, so the tab is empty: it is not compressed data/,
    ],
    ['zh', 'truncated', 'N4Ig', /^无法打开此链接中的追踪（URL 参数“node”），本标签页为空：/],
  ] as const)(
    '%s: a link that is %s gives an alert naming node and what is wrong; the tab opens empty and traces nothing',
    async (lang, _, raw, text) => {
      const run = hereRunner();
      renderOpenedBy(raw, lang, run);
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toMatch(text);
      expect(alert.querySelector('script')).toBeNull();
      expect(dumpBox().value).toBe('');
      expect(document.querySelector('[data-id="node-empty"]')).toBeTruthy();
      await act(async () => {
        await Promise.resolve();
      });
      expect(run.inputs).toEqual([]);
      fireEvent.click(within(alert).getByRole('button'));
      expect(screen.queryByRole('alert')).toBeNull();
    },
  );

  it('Copy a link: disabled without a dump; says the link contains the rules before copying; copies a link that opens the same trace; announces it', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderPanel();
    const copyButton = screen.getByRole('button', { name: 'Copy a link to this trace…' }) as HTMLButtonElement;
    expect(copyButton.disabled).toBe(true);
    await useExample();
    expect(copyButton.disabled).toBe(false);
    await press('Copy a link to this trace…');
    const warning = screen.getByRole('group', {
      name: /^This link will contain the pasted rules \(\d+ lines\), the node facts and the packet/,
    });
    expect(writeText).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(within(warning).getByRole('button', { name: 'Copy the link' }));
    await act(async () => {
      fireEvent.click(within(warning).getByRole('button', { name: 'Copy the link' }));
    });
    expect(writeText).toHaveBeenCalledTimes(1);
    const url = new URL((writeText.mock.calls[0] as unknown as [string])[0]);
    expect(url.searchParams.get('lab')).toBe('node');
    const opened = decodeNodeLink(url.searchParams.get('node')!);
    expect(opened.ok && opened.draft.dst).toBe('10.96.0.10');
    expect(opened.ok && opened.draft.text).toBe(dumpBox().value);
    // Announced: the tab's link status is a polite live region.
    const status = document.querySelector('[data-id="node-link-status"]')!;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toMatch(/^Link copied\. It holds the pasted rules/);
    expect(document.activeElement).toBe(copyButton);
    expect(screen.queryByRole('group', { name: /^This link will contain/ })).toBeNull();
  });

  it('Escape (or Cancel) closes the warning without copying, and the focus goes back to Copy a link', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderPanel('zh');
    await press('使用示例');
    await screen.findByText(/^示例：/);
    await press('复制此次追踪的链接…');
    const warning = screen.getByRole('group', { name: /^这个链接将包含粘贴的规则/ });
    fireEvent.keyDown(within(warning).getByRole('button', { name: '复制链接' }), { key: 'Escape' });
    expect(screen.queryByRole('group', { name: /^这个链接将包含粘贴的规则/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '复制此次追踪的链接…' }));
    expect(writeText).not.toHaveBeenCalled();
  });

  it('Copy a link with a packet the form refuses: the field says why, and no link is offered', async () => {
    renderPanel();
    type(/iptables-save/, '*filter\nCOMMIT\n');
    type('Source IP', '10.1');
    await press('Copy a link to this trace…');
    expect(screen.getByRole('textbox', { name: 'Source IP' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('group', { name: /^This link will contain/ })).toBeNull();
  });
});
