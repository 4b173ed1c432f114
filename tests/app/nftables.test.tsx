import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Panels } from '../../app/panels/Panels';
import { Header } from '../../app/shell/Header';
import { createAppStore, type AppStoreOptions } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';
import { ClassicView } from '../../app/topology/ClassicView';
import { ClusterView } from '../../app/topology/ClusterView';
import { isPacketStep, nodeNftList, presetScenario, simulate } from '../../src/index';

const scenario = presetScenario('article')!;
const trace = simulate(scenario, { mode: 'nftables' });
const dnat = trace.steps.filter(isPacketStep).find((s) => s.kind === 'dnat')!;
const bridge = trace.steps.filter(isPacketStep).find((s) => s.kind === 'bridge')!;

function renderPage(options: AppStoreOptions = {}) {
  const store = createAppStore({ preset: 'article', mode: 'nftables', ...options });
  render(
    <StoreProvider store={store}>
      <Header />
      <Panels />
    </StoreProvider>,
  );
  return store;
}

const panel = (name = 'nftables: table ip kube-proxy') => screen.getByRole('region', { name });

describe('the nftables panel at the DNAT step', () => {
  it('groups the rules by chain, each base chain with its hook and priority, the deciding dnat marked', () => {
    renderPage({ step: dnat.index });
    const nat = panel().querySelector<HTMLElement>('[data-chain="nat-prerouting"]')!;
    expect(within(nat).getByText('type nat hook prerouting priority dstnat; policy accept;')).toBeTruthy();
    expect(panel().querySelector('[data-chain="services"]')!.textContent).toContain('regular chain');
    const decided = panel().querySelectorAll('li[aria-current="true"]');
    expect(decided).toHaveLength(1);
    expect(decided[0]!.textContent).toContain(`dnat to ${dnat.after.dstIp}:8080`);
    expect(decided[0]!.textContent).toContain('decides');
    expect(within(panel()).getByText('kube-proxy · v1.29–v1.35 layout')).toBeTruthy();
  });

  it('shows the service-ips lookup: the key the packet made and the matched element highlighted', () => {
    renderPage({ step: dnat.index });
    const table = panel().querySelector<HTMLElement>('table[data-set="@service-ips"]')!;
    expect(table.querySelector('caption')!.textContent).toBe('Lookup @service-ips · key 10.96.0.10 . tcp . 80');
    const matched = table.querySelectorAll('tr[aria-current="true"]');
    expect(matched).toHaveLength(1);
    expect(matched[0]!.textContent).toBe('10.96.0.10 . tcp . 80 : goto service-7CIZXSQ5-default/svc1/tcp/http✓ matched');
    // The firewall map holds nothing: the lookup says which key it missed.
    expect(panel().querySelector('table[data-set="@firewall-ips"]')!.textContent).toContain('no element 10.96.0.10 . tcp . 80');
  });

  it("shows numgen's draw: mod 2, the element it drew highlighted, the other not", () => {
    renderPage({ step: dnat.index });
    const table = panel().querySelector<HTMLElement>('table[data-set="numgen random mod 2"]')!;
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(2);
    const chosen = rows.find((r) => r.getAttribute('aria-current') === 'true')!;
    expect(chosen.textContent).toContain(dnat.after.dstIp);
    expect(rows.filter((r) => r !== chosen)[0]!.textContent).not.toContain('matched');
  });

  it("opens the node's whole nft list table behind a disclosure, the step's lines marked", () => {
    renderPage({ step: dnat.index });
    const listing = panel().querySelector<HTMLDetailsElement>('[data-id="nft-listing"]')!;
    expect(listing.querySelector('summary')!.textContent).toBe('nft list table ip kube-proxy on vm1');
    expect(listing.querySelector('pre')).toBeNull();
    act(() => {
      listing.open = true;
      fireEvent(listing, new Event('toggle'));
    });
    expect(listing.querySelectorAll('.pw-ct-line')).toHaveLength(nodeNftList(scenario, 'vm1')!.split('\n').length);
    const decided = listing.querySelectorAll('mark[data-mark="decided"]');
    expect(decided).toHaveLength(1);
    expect(decided[0]!.textContent!.trim()).toBe(`meta l4proto tcp dnat to ${dnat.after.dstIp}:8080`);
    expect(listing.querySelector('mark[data-mark="element"]')!.textContent).toContain('10.96.0.10 . tcp . 80 : goto');
  });

  it('says why a bridge step runs no nftables rule', () => {
    renderPage({ step: bridge.index });
    expect(panel().querySelector('[data-id="nft-empty"]')!.textContent).toMatch(
      /^No nftables rules at this hop: no netfilter hook runs here/,
    );
    expect(panel().querySelector('table')).toBeNull();
  });

  it('speaks Chinese', () => {
    renderPage({ step: dnat.index, lang: 'zh' });
    const zh = panel('nftables：table ip kube-proxy');
    expect(within(zh).getByText('kube-proxy · v1.29–v1.35 布局')).toBeTruthy();
    expect(zh.querySelector('table[data-set="@service-ips"] tr[aria-current="true"]')!.textContent).toContain('✓ 命中');
    expect(zh.querySelector('li[aria-current="true"]')!.textContent).toContain('决定结果');
    act(() => screen.getAllByRole('button', { name: 'English' })[0]!.click());
    expect(panel()).toBeTruthy();
  });
});

describe('the evidence and the rules panel in nftables mode', () => {
  it('puts the path to the dnat first: jump services, the service-ips lookup, numgen, dnat to', () => {
    renderPage({ step: dnat.index });
    const path = screen.getByRole('region', { name: 'This step' }).querySelectorAll('[data-id="evidence-rules"] li');
    expect([...path].map((li) => li.querySelector('.pw-ev-meta')!.textContent)).toEqual([
      'ip kube-proxy / nat-prerouting #1 · jump · jump services',
      expect.stringContaining(
        'ip kube-proxy / services #1 · goto · ip daddr . meta l4proto . th dport 10.96.0.10 . tcp . 80 in @service-ips; goto service-7CIZXSQ5',
      ),
      expect.stringMatching(/numgen random mod 2 = 1 in the vmap; goto endpoint-QQR2H6K7-/),
      expect.stringContaining('#2 · DNAT ◆ decides'),
    ]);
    // Only the deciding rule is shown whole.
    expect([...path].map((li) => li.querySelector('code')?.textContent ?? null)).toEqual([
      null,
      null,
      null,
      `meta l4proto tcp dnat to ${dnat.after.dstIp}:8080`,
    ]);
  });

  it('sends the rules panel to the nftables panel when the hook ran nftables rules only', () => {
    renderPage({ step: dnat.index, lang: 'zh' });
    const rules = screen.getByRole('region', { name: '规则' });
    expect(rules.querySelector('[data-id="rules-empty"]')?.textContent).toMatch(/^没有 iptables 规则：nftables 模式下/);
  });
});

describe('the packet cost in nftables mode', () => {
  it("counts the SYN's nftables rules and lookups over its whole walk, not iptables rules or IPVS steps", () => {
    const syn = trace.steps.filter(isPacketStep).filter((s) => s.connection === 0 && s.packet === 0);
    const rules = syn.reduce((n, s) => n + s.nftRules.length, 0);
    const lookups = syn.reduce((n, s) => n + s.nftRules.reduce((m, r) => m + r.lookups.length, 0), 0);
    expect(lookups).toBeGreaterThan(1);
    renderPage({ step: dnat.index });
    const cost = screen.getByRole('region', { name: 'Rules' }).querySelector('[data-id="packet-cost"]')!;
    expect(cost.textContent).toContain(
      `SYN, over its whole walk: ${rules} nftables rules evaluated, ${lookups} set and map lookups among them`,
    );
    expect(cost.textContent).not.toContain('IPVS');
  });
});

describe('the three-way mode switch', () => {
  it('offers iptables, IPVS and nftables with where each stands in Kubernetes, and re-simulates in nftables mode keeping the step', () => {
    const store = createAppStore({ preset: 'article', mode: 'iptables', step: 12 });
    render(
      <StoreProvider store={store}>
        <Header />
        <Panels />
      </StoreProvider>,
    );
    const group = screen.getByRole('group', { name: 'kube-proxy mode' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((b) => [b.textContent, b.getAttribute('aria-description')])).toEqual([
      ['iptables', null],
      ['IPVS', 'deprecated since Kubernetes 1.35'],
      ['nftables', 'GA since Kubernetes 1.33'],
    ]);
    expect(buttons[2]!.title).toBe('GA since Kubernetes 1.33');
    fireEvent.click(buttons[2]!);
    expect(store.getState().trace.mode).toBe('nftables');
    expect(store.getState().cursor.step).toBe(12);
    expect(buttons[2]!.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('region', { name: 'nftables: table ip kube-proxy' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'IPVS' })).toBeNull();
  });

  it('words the version notes in Chinese', () => {
    render(
      <StoreProvider store={createAppStore({ preset: 'article', lang: 'zh' })}>
        <Header />
      </StoreProvider>,
    );
    const group = screen.getByRole('group', { name: 'kube-proxy 模式' });
    expect(within(group).getByRole('button', { name: 'nftables' }).getAttribute('aria-description')).toBe('自 Kubernetes 1.33 起 GA');
    expect(within(group).getByRole('button', { name: 'IPVS' }).getAttribute('aria-description')).toBe('自 Kubernetes 1.35 起弃用');
  });
});

describe('the cluster view in nftables mode', () => {
  it('draws no kube-ipvs0 and says kube-proxy writes the nftables table', () => {
    const { container } = render(
      <StoreProvider store={createAppStore({ preset: 'article', mode: 'nftables' })}>
        <ClusterView />
      </StoreProvider>,
    );
    expect(container.querySelector('[data-id="device:vm1/kube-ipvs0"]')).toBeNull();
    expect(container.querySelector('[data-id="watch:vm1"] title')!.textContent).toBe(
      'kube-proxy watches the API server and writes the nftables table ip kube-proxy',
    );
  });
});

describe('the article figure in nftables mode', () => {
  it('names nftables in the box that rewrites the packet', () => {
    const { container } = render(<ClassicView trace={trace} figure="pod-to-service" n={4} />);
    expect(container.querySelector('[data-id="classic-iptables"]')?.textContent).toBe('nftables');
  });
});
