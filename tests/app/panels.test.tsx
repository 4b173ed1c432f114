import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NarrationPanel } from '../../app/panels/NarrationPanel';
import { Panels } from '../../app/panels/Panels';
import { PacketPanel } from '../../app/panels/PacketPanel';
import { createAppStore, type AppStoreOptions } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';
import { isPacketStep, narrate, type PacketStep } from '../../src/index';

function renderPanels(options: AppStoreOptions = {}) {
  const store = createAppStore({ preset: 'article', ...options });
  render(
    <StoreProvider store={store}>
      {/* The page shows the narration under the view and the other panels beside it: both here. */}
      <NarrationPanel />
      <Panels />
    </StoreProvider>,
  );
  return store;
}

const article = createAppStore({ preset: 'article' }).getState().trace;
const find = (pred: (s: PacketStep) => boolean): PacketStep => {
  const step = article.steps.filter(isPacketStep).find(pred);
  if (!step) throw new Error('no such step in the article trace');
  return step;
};
const dnat = find((s) => s.kind === 'dnat');
const postrouting = find((s) => s.kind === 'conntrack-new' && s.hook === 'POSTROUTING');
const reverseNat = find((s) => s.kind === 'reverse-nat' && s.label === 'SYN-ACK');
const ackHit = find((s) => s.kind === 'conntrack-hit' && s.label === 'ACK');
const veth = find((s) => s.kind === 'veth');

const panel = (name: string) => screen.getByRole('region', { name });

describe('Panels', () => {
  it('renders four panels, each a section named by its heading', () => {
    renderPanels({ step: 0 });
    for (const name of ['Packet', 'Rules', 'Conntrack', 'Narration']) {
      const section = panel(name);
      expect(section.tagName).toBe('SECTION');
      expect(within(section).getByRole('heading', { name })).toBeTruthy();
    }
  });

  it('shows the DNAT rule that decided the dnat step under its table and chain', () => {
    renderPanels({ step: dnat.index });
    const rules = panel('Rules');
    const heading = within(rules).getByRole('heading', { name: /^nat \/ KUBE-SEP-/ });
    const group = within(rules).getByRole('group', { name: heading.textContent! });
    const decided = within(group)
      .getAllByRole('listitem')
      .filter((li) => li.getAttribute('aria-current') === 'true');
    expect(decided).toHaveLength(1);
    const text = decided[0]!.querySelector('code')!.textContent!;
    expect(text).toMatch(/^-A KUBE-SEP-\S+ .*-j DNAT --to-destination 10\.244\.2\.3:8080$/);
    expect(heading.textContent).toBe(`nat / ${text.split(' ')[1]}`);
    expect(decided[0]!.hasAttribute('data-decided')).toBe(true);
    expect(within(decided[0]!).getByText('DNAT')).toBeTruthy();
    expect(within(decided[0]!).getByText('decides', { exact: false })).toBeTruthy();
  });

  it('lists every rule of the step in evaluation order with its verdict and detail', () => {
    renderPanels({ step: dnat.index });
    const items = within(panel('Rules')).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('code')!.textContent)).toEqual(dnat.rules.map((r) => r.text));
    expect(within(panel('Rules')).getByRole('heading', { name: /^nat \/ KUBE-SVC-/ })).toBeTruthy();
    expect(within(panel('Rules')).getByText('statistic: 0.99 >= 0.50')).toBeTruthy();
    expect(within(panel('Rules')).getAllByText('no match').length).toBeGreaterThan(0);
  });

  it('shows the rewritten destination struck through and inserted at the dnat step', () => {
    renderPanels({ step: dnat.index });
    const packet = panel('Packet');
    const row = within(packet).getByText('Destination').parentElement!;
    expect(within(row).getByText('10.96.0.10:80', { selector: 'del' })).toBeTruthy();
    expect(within(row).getByText('10.244.2.3:8080', { selector: 'ins' })).toBeTruthy();
    expect(within(packet).queryByText('10.244.1.2:' + dnat.before.srcPort, { selector: 'del' })).toBeNull();
    expect(within(packet).getByText(/Changed at this step: Destination/)).toBeTruthy();
  });

  it('shows the source rewritten back to the Service at the SYN-ACK reverse-nat step', () => {
    renderPanels({ step: reverseNat.index });
    const row = within(panel('Packet')).getByText('Source').parentElement!;
    expect(within(row).getByText('10.244.2.3:8080', { selector: 'del' })).toBeTruthy();
    expect(within(row).getByText('10.96.0.10:80', { selector: 'ins' })).toBeTruthy();
  });

  it('shows the MACs on layer 2 hops and not at the hooks', () => {
    renderPanels({ step: veth.index });
    expect(within(panel('Packet')).getByText('Source MAC')).toBeTruthy();
    expect(within(panel('Packet')).getByText('TCP flags')).toBeTruthy();
  });

  it('hides the MACs at a netfilter hook', () => {
    renderPanels({ step: dnat.index });
    expect(within(panel('Packet')).queryByText('Source MAC')).toBeNull();
  });

  it('highlights the new [UNREPLIED] entry at the POSTROUTING step and prints the summary line', () => {
    renderPanels({ step: postrouting.index });
    const ct = panel('Conntrack');
    const marked = ct.querySelectorAll('[aria-current="true"]');
    expect(marked).toHaveLength(1);
    expect(marked[0]!.tagName).toBe('MARK');
    expect(marked[0]!.textContent).toMatch(/^tcp {6}6 120 SYN_SENT src=10\.244\.1\.2 dst=10\.96\.0\.10 .*\[UNREPLIED\]/);
    expect(within(ct).getByText(/new entry/)).toBeTruthy();
    expect(within(ct).getByText('conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.')).toBeTruthy();
  });

  it('states a state change at a conntrack hit', () => {
    renderPanels({ step: ackHit.index });
    expect(within(panel('Conntrack')).getByText(/SYN_RECV -> ESTABLISHED/)).toBeTruthy();
  });

  it('says the table is empty before the first connection is tracked', () => {
    renderPanels({ step: 0 });
    expect(within(panel('Conntrack')).getByText('No connections tracked on vm1 yet.')).toBeTruthy();
  });

  it('explains why no rule ran at the ACK’s conntrack hit, and at a veth hop', () => {
    renderPanels({ step: ackHit.index });
    expect(within(panel('Rules')).queryAllByRole('listitem')).toHaveLength(0);
    expect(
      within(panel('Rules')).getByText('No rule evaluated: conntrack already knows this connection, so the nat table is skipped.'),
    ).toBeTruthy();
  });

  it('explains that a veth hop has no netfilter hook', () => {
    renderPanels({ step: veth.index });
    expect(within(panel('Rules')).getByText(/^No netfilter hook at this hop/)).toBeTruthy();
  });

  it('narrates the step in a polite live region with its position and article stage', () => {
    renderPanels({ step: dnat.index });
    const live = panel('Narration').querySelector('[aria-live="polite"]')!;
    expect(live).toBeTruthy();
    expect(live.textContent).toContain(narrate(dnat.note, 'en'));
    expect(live.textContent).toContain(`Step ${dnat.index + 1} of ${article.steps.length} · SYN · vm1 PREROUTING`);
    expect(live.textContent).toContain('Article: Pod to Service, step 4');
  });

  it('speaks Chinese with a Chinese store', () => {
    renderPanels({ step: 3, lang: 'zh' });
    for (const name of ['数据包', '规则', '连接跟踪', '讲解']) expect(panel(name)).toBeTruthy();
    const step = article.steps[3]!;
    expect(panel('讲解').textContent).toContain(narrate(step.note, 'zh'));
    expect(within(panel('数据包')).getByText('目的地址')).toBeTruthy();
  });

  it('says why each rule did what it did in Chinese on the Chinese page, the rule text and the draw kept', () => {
    renderPanels({ step: dnat.index, lang: 'zh' });
    const rules = panel('规则');
    expect(within(rules).getByText('statistic：随机数 0.99 >= 概率 0.50')).toBeTruthy();
    expect(within(rules).getByText('--to-destination 10.244.2.3:8080')).toBeTruthy();
    expect(within(rules).queryByText(/^statistic: /)).toBeNull();
  });

  it('follows the store when the step changes', () => {
    const store = renderPanels({ step: 0 });
    act(() => store.getState().seek(dnat.index));
    expect(within(panel('Rules')).getByRole('heading', { name: /^nat \/ KUBE-SEP-/ })).toBeTruthy();
  });

  it('shows another node’s table when picked, until the step changes', () => {
    const store = renderPanels({ step: postrouting.index });
    const picker = within(panel('Conntrack')).getByRole('group', { name: 'Node' });
    const vm2 = within(picker).getByRole('button', { name: /^vm2/ });
    expect(within(picker).getByRole('button', { name: /^vm1/ }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(vm2);
    expect(vm2.getAttribute('aria-pressed')).toBe('true');
    expect(within(panel('Conntrack')).getByText('No connections tracked on vm2 yet.')).toBeTruthy();
    act(() => store.getState().stepBack());
    expect(within(panel('Conntrack')).getByRole('button', { name: /^vm1/ }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('a control-plane step', () => {
  it('has no packet to show, and says why', () => {
    const probe = createAppStore({ preset: 'pod-churn' });
    const index = probe.getState().trace.steps.findIndex((s) => s.kind === 'api-event');
    const store = createAppStore({ preset: 'pod-churn', step: index });
    render(
      <StoreProvider store={store}>
        <PacketPanel />
      </StoreProvider>,
    );
    expect(screen.getByText(/No packet at this step: the control plane is changing the cluster/)).toBeTruthy();
    expect(screen.queryByText('0.0.0.0:0')).toBeNull();
  });

  it('has no packet cost under the rules either', () => {
    const probe = createAppStore({ preset: 'pod-churn' });
    const index = probe.getState().trace.steps.findIndex((s) => s.kind === 'api-event');
    renderPanels({ preset: 'pod-churn', step: index });
    expect(within(panel('Rules')).getByText(/API server only stores the objects/)).toBeTruthy();
    expect(within(panel('Rules')).queryByText(/Cost of this packet/)).toBeNull();
  });
});
