import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyStrings } from '../../app/i18n/verify-strings';
import { Panels } from '../../app/panels/Panels';
import { verifyPanel } from '../../app/shell/lazy-parts';
import { createAppStore, type AppStore } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';
import { isPacketStep, presetScenario, simulate, verifyCommands, type VerifyCommandId } from '../../src/index';

const article = presetScenario('article')!;
const trace = simulate(article);
const dnat = trace.steps.findIndex((s) => s.kind === 'dnat');
const conntrackNew = trace.steps.findIndex((s) => isPacketStep(s) && s.kind === 'conntrack-new' && s.node === 'vm1');

// The fold's content is a chunk of its own: loaded once, as the page loads it when the pointer nears the fold.
beforeAll(() => verifyPanel.preload());
afterEach(() => vi.restoreAllMocks());

function mockClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

function renderPanels(store: AppStore) {
  render(
    <StoreProvider store={store}>
      <Panels />
    </StoreProvider>,
  );
  return screen.getByRole('region', { name: store.getState().lang === 'zh' ? '在真实节点上验证' : 'On a real node' });
}

const open = (region: HTMLElement) => fireEvent.click(within(region).getByRole('button', { expanded: false }));
const commandTexts = (region: HTMLElement) => [...region.querySelectorAll('[data-id="verify-command-text"]')].map((c) => c.textContent);
const engineCommands = (step: number) =>
  verifyCommands(trace, step, article).flatMap((g, i, all) => {
    const samePlaceAsBefore = i > 0 && JSON.stringify(all[i - 1]!.place) === JSON.stringify(g.place);
    return [...(samePlaceAsBefore ? [] : g.enter), ...g.commands];
  });

describe('the “On a real node” fold', () => {
  it('is folded by default, one button that says so, and lists no command until opened', () => {
    const region = renderPanels(createAppStore({ preset: 'article', step: dnat }));
    const toggle = within(region).getByRole('button', { name: 'On a real node' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(commandTexts(region)).toEqual([]);
  });

  it('opened at the DNAT step, lists the engine’s commands for it in order, the KUBE-SVC chain’s listing first after the shell', () => {
    const region = renderPanels(createAppStore({ preset: 'article', step: dnat }));
    open(region);
    const expected = engineCommands(dnat).map((c) => c.command);
    expect(commandTexts(region)).toEqual(expected);
    expect(expected[1]).toBe('iptables -t nat -L KUBE-SVC-6FQZKDMVESNX7NUN -n -v --line-numbers');
    expect(within(region).getByText(/^Lists KUBE-SVC-6FQZKDMVESNX7NUN \(table nat\) numbered/)).toBeTruthy();
  });

  it('shows the engine’s output under the command that prints it, as plain text', () => {
    const region = renderPanels(createAppStore({ preset: 'article', step: dnat }));
    open(region);
    const items = [...region.querySelectorAll<HTMLElement>('[data-id="verify-command"]')];
    const engine = engineCommands(dnat);
    items.forEach((item, i) => {
      const output = item.querySelector('[data-id="verify-output"]');
      expect(output?.textContent ?? null).toBe(engine[i]!.expected?.lines.join('\n') ?? null);
    });
    const spec = items.find((i) => i.dataset.commandId === 'chain-rules')!;
    expect(spec.querySelector('pre')!.textContent!.split('\n')[0]).toBe('-N KUBE-SVC-6FQZKDMVESNX7NUN');
    expect(within(spec).getByText(/^It prints \(the same text on a node with this cluster\)/)).toBeTruthy();
  });

  it('stays open on the next steps and follows them: the conntrack entry at the step that confirmed it', () => {
    const store = createAppStore({ preset: 'article', step: dnat });
    const region = renderPanels(store);
    open(region);
    act(() => store.getState().seek(conntrackNew));
    const item = [...region.querySelectorAll<HTMLElement>('[data-command-id="conntrack-list"]')][0]!;
    expect(item.querySelector('[data-id="verify-command-text"]')!.textContent).toBe('conntrack -L -d 10.96.0.10 -p tcp --dport 80');
    const step = trace.steps[conntrackNew]!;
    const entry = step.conntrack.find((t) => t.node === 'vm1')!.entries.at(-1)!.text;
    expect(item.querySelector('pre')!.textContent!.split('\n')[0]).toBe(entry);
    expect(within(item).getByText(/ports, timers and counters will differ/)).toBeTruthy();
  });

  it('copies a command with its Copy button and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    mockClipboard(writeText);
    const region = renderPanels(createAppStore({ preset: 'article', step: dnat }));
    open(region);
    const command = 'iptables -t nat -L KUBE-SVC-6FQZKDMVESNX7NUN -n -v --line-numbers';
    await act(async () => fireEvent.click(within(region).getByRole('button', { name: `Copy: ${command}` })));
    expect(writeText).toHaveBeenCalledWith(command);
    expect(within(region).getByRole('status').textContent).toBe('Command copied.');
  });

  it('offers the command selected in a read-only field when the clipboard refuses', async () => {
    mockClipboard(() => Promise.reject(new Error('denied')));
    const region = renderPanels(createAppStore({ preset: 'article', step: conntrackNew }));
    open(region);
    const command = 'conntrack -L -d 10.96.0.10 -p tcp --dport 80';
    await act(async () => fireEvent.click(within(region).getByRole('button', { name: `Copy: ${command}` })));
    const area = within(region).getByRole('textbox', { name: 'Command to copy' }) as HTMLTextAreaElement;
    expect(area.readOnly).toBe(true);
    expect(area.value).toBe(command);
    expect(area.selectionStart === 0 && area.selectionEnd === command.length).toBe(true);
    expect(within(region).getByRole('status').textContent).toMatch(/Ctrl\+C/);
  });

  it('renders quotes, $( ) and braces as the text of the command, never as markup', () => {
    const leave = trace.steps.findIndex((s) => s.kind === 'leave-pod');
    const region = renderPanels(createAppStore({ preset: 'article', step: leave }));
    open(region);
    const pid = [...region.querySelectorAll<HTMLElement>('[data-command-id="find-pod-pid"] [data-id="verify-command-text"]')][0]!;
    expect(pid.textContent).toBe(
      `PID=$(crictl inspectp --output go-template --template '{{.info.pid}}' "$(crictl pods -q --state ready --name '^pod1$' --namespace '^default$')")`,
    );
    expect(pid.querySelectorAll(':not(span)')).toHaveLength(0);
    expect(within(region).getByRole('heading', { name: 'In pod1’s network namespace, on vm1' })).toBeTruthy();
  });

  it('speaks Chinese with the same commands', () => {
    const region = renderPanels(createAppStore({ preset: 'article', step: dnat, lang: 'zh' }));
    open(region);
    expect(commandTexts(region)).toEqual(engineCommands(dnat).map((c) => c.command));
    expect(within(region).getByRole('heading', { name: '在 vm1 的根网络命名空间中' })).toBeTruthy();
    expect(within(region).getAllByRole('button', { name: /^复制：/ }).length).toBe(engineCommands(dnat).length);
  });
});

describe('verify strings', () => {
  const ids = Object.keys(verifyStrings.en.purpose) as VerifyCommandId[];
  const params = {
    node: 'vm1',
    pod: 'pod1',
    chain: 'KUBE-SVC-X',
    table: 'nat',
    position: '3',
    ip: '10.96.0.10',
    dst: '10.96.0.10',
    hook: 'prerouting',
    service: '10.96.0.10:80',
    realServer: '10.244.2.3:8080',
    device: 'cbr0',
    protocol: 'tcp',
    set: 'KUBE-CLUSTER-IP',
    kind: 'map',
  };
  it.each(ids)('words %s in both languages, Chinese with full-width punctuation', (id) => {
    const en = verifyStrings.en.purpose[id](params);
    const zh = verifyStrings.zh.purpose[id](params);
    expect(en).not.toBe(zh);
    expect(en).not.toMatch(/undefined/);
    // The words around the values: ASCII punctuation only inside a value (an address and port).
    const words = Object.values(params)
      .sort((a, b) => b.length - a.length)
      .reduce((text, value) => text.replaceAll(value, ''), zh);
    expect(words).not.toMatch(/undefined|[(),;:]|。 /);
  });
});
