import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Panels } from '../../app/panels/Panels';
import { Header } from '../../app/shell/Header';
import { createAppStore, type AppStoreOptions } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';
import { ClassicView } from '../../app/topology/ClassicView';
import { classicSteps } from '../../app/topology/classic/classic-steps';
import { ClusterView } from '../../app/topology/ClusterView';
import { isPacketStep, presetScenario, simulate, type PacketStep, type Step } from '../../src/index';

const ipvs = simulate(presetScenario('article')!, { mode: 'ipvs' });
const find = (pred: (s: PacketStep) => boolean): PacketStep => {
  const step = ipvs.steps.filter(isPacketStep).find(pred);
  if (!step) throw new Error('no such step in the IPVS article trace');
  return step;
};
const scheduled = find((s) => s.ipvsChange?.change === 'scheduled');
const reply = find((s) => s.ipvsChange?.change === 'reply');
const ackIpvs = find((s) => s.label === 'ACK' && s.ipvsChange !== null);
const firstSynTable = find((s) => s.label === 'SYN' && s.ipvs !== null);
const wire = find((s) => s.kind === 'wire');

function renderPage(options: AppStoreOptions = {}) {
  const store = createAppStore({ preset: 'article', mode: 'ipvs', ...options });
  const view = render(
    <StoreProvider store={store}>
      <Header />
      <Panels />
    </StoreProvider>,
  );
  return { store, container: view.container };
}

const ipvsPanel = (name = 'IPVS') => screen.getByRole('region', { name });
const lines = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>('.pw-ipvs-line')].map((l) => l.textContent);
/** ActiveConn and InActConn of a real server's line in `ipvsadm -Ln`. */
const counters = (step: Step, rs: string) => {
  const line = step.ipvs!.table.find((l) => l.startsWith(`  -> ${rs} `))!;
  const [active, inactive] = line.trim().split(/\s+/).slice(-2).map(Number);
  return { active: active!, inactive: inactive! };
};

describe('the kube-proxy mode switch', () => {
  it('re-simulates the same scenario in the other mode and keeps the same packet at the same place', () => {
    const { store } = renderPage({ mode: 'iptables', step: 12 });
    const before = store.getState().trace.steps[12] as PacketStep;
    const group = screen.getByRole('group', { name: 'kube-proxy mode' });
    expect(within(group).getByRole('button', { name: 'iptables' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(group).getByRole('button', { name: 'IPVS' }));
    expect(store.getState().mode).toBe('ipvs');
    expect(store.getState().trace.mode).toBe('ipvs');
    // The IPVS walk is longer: the same packet's same hop is at another index.
    const there = store.getState().cursor.step;
    const after = store.getState().trace.steps[there] as PacketStep;
    expect(after).toMatchObject({ connection: before.connection, label: before.label, at: before.at, kind: before.kind });
    expect(there).not.toBe(12);
    expect(within(group).getByRole('button', { name: 'IPVS' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('region', { name: 'IPVS' })).toBeTruthy();
    fireEvent.click(within(group).getByRole('button', { name: 'iptables' }));
    expect(store.getState().trace.mode).toBe('iptables');
    expect(store.getState().cursor.step).toBe(12);
    expect(screen.queryByRole('region', { name: 'IPVS' })).toBeNull();
  });
});

describe('the IPVS panel', () => {
  it('is not shown in iptables mode', () => {
    renderPage({ mode: 'iptables', step: 3 });
    expect(screen.queryByRole('region', { name: 'IPVS' })).toBeNull();
  });

  it('marks the virtual server and the real server the scheduler chose, and says so', () => {
    renderPage({ step: scheduled.index });
    const panel = ipvsPanel();
    const table = within(panel).getByRole('group', { name: 'ipvsadm -Ln (vm1)' });
    expect(lines(table)).toEqual(scheduled.ipvs!.table); // exactly as printed, trailing spaces and all
    const marks = [...table.querySelectorAll('mark')];
    expect(marks.map((m) => m.getAttribute('data-line'))).toEqual(['virtual-server', 'real-server']);
    expect(marks[0]!.textContent).toBe('TCP  10.96.0.10:80 rr');
    expect(marks[1]!.textContent).toMatch(/^ {2}-> 10\.244\.2\.3:8080 +Masq /);
    expect(marks.every((m) => m.getAttribute('aria-current') === 'true')).toBe(true);
    expect(within(panel).getByText((_, el) => el?.getAttribute('data-id') === 'ipvs-change').textContent).toBe(
      'vm1: rr scheduled 10.244.2.3:8080 for TCP  10.96.0.10:80',
    );
    const conns = within(panel).getByRole('group', { name: 'ipvsadm -Lnc (vm1)' });
    expect(conns.textContent).toContain('10.96.0.10:80      10.244.2.3:8080');
  });

  it('shows the counters and the connection changing from the first SYN step to the ACK', () => {
    expect(counters(firstSynTable, '10.244.2.3:8080')).toEqual({ active: 0, inactive: 0 });
    const atSchedule = counters(scheduled, '10.244.2.3:8080');
    expect(atSchedule.active + atSchedule.inactive).toBe(1);
    expect(counters(ackIpvs, '10.244.2.3:8080')).toEqual({ active: 1, inactive: 0 });

    const { store } = renderPage({ step: firstSynTable.index });
    const table = () => within(ipvsPanel()).getByRole('group', { name: 'ipvsadm -Ln (vm1)' });
    const rsLine = () => lines(table()).find((l) => l?.startsWith('  -> 10.244.2.3:8080'));
    const before = rsLine();
    expect(within(ipvsPanel()).getByRole('group', { name: 'ipvsadm -Lnc (vm1)' }).textContent).not.toContain('10.244.2.3:8080');
    act(() => store.getState().seek(ackIpvs.index));
    expect(rsLine()).not.toBe(before);
    expect(within(ipvsPanel()).getByRole('group', { name: 'ipvsadm -Lnc (vm1)' }).textContent).toContain('ESTABLISHED');
    expect(within(ipvsPanel()).getByText((_, el) => el?.getAttribute('data-id') === 'ipvs-change').textContent).toContain(
      'existing IPVS connection',
    );
  });

  it('says IPVS rewrote the reply, and the Rules panel says no rule did', () => {
    renderPage({ step: reply.index });
    expect(ipvsPanel().textContent).toContain('reply rewritten by IPVS: source 10.244.2.3:8080 → TCP  10.96.0.10:80');
    expect(screen.getByRole('region', { name: 'Rules' }).textContent).toContain('IPVS, hooked in after filter FORWARD');
  });

  it('has an empty state on the wire, where no node holds the packet', () => {
    renderPage({ step: wire.index });
    const empty = ipvsPanel().querySelector('[data-id="ipvs-empty"]');
    expect(empty?.textContent).toContain('the packet is on the network between the nodes');
    expect(ipvsPanel().querySelector('pre')).toBeNull();
  });

  it('speaks Chinese', () => {
    renderPage({ step: scheduled.index, lang: 'zh' });
    expect(screen.getByRole('group', { name: 'kube-proxy 模式' })).toBeTruthy();
    const panel = ipvsPanel();
    expect(panel.textContent).toContain('rr 调度器为 TCP  10.96.0.10:80 选择了 10.244.2.3:8080');
    expect(within(panel).getByRole('group', { name: 'ipvsadm -Ln（vm1）' })).toBeTruthy();
    expect(screen.getByRole('region', { name: '规则' }).textContent).toContain('哈希查找');
  });
});

describe('the cost of a packet', () => {
  const cost = () => document.querySelector<HTMLElement>('[data-id="packet-cost"]')!;

  it('counts the same SYN in both modes: rules in iptables mode, fewer rules and one IPVS step in IPVS mode', () => {
    const { store } = renderPage({ mode: 'iptables', step: 3 });
    const iptablesRules = Number(cost().dataset.rules);
    const synSteps = store
      .getState()
      .trace.steps.filter(isPacketStep)
      .filter((s) => s.connection === 0 && s.packet === 0);
    expect(iptablesRules).toBe(synSteps.reduce((n, s) => n + s.rules.length, 0));
    expect(cost().dataset.ipvsSteps).toBe('0');
    expect(cost().textContent).toContain(`SYN, over its whole walk: ${iptablesRules} iptables rules evaluated, no IPVS lookup`);
    expect(cost().textContent).toContain('IPVS: the Service lookup is one hash lookup however many Services exist');

    fireEvent.click(screen.getByRole('button', { name: 'IPVS' }));
    expect(cost().dataset.ipvsSteps).toBe('1');
    const ipvsRules = Number(cost().dataset.rules);
    expect(ipvsRules).toBe(ipvs.connections[0]!.cost.rulesEvaluated);
    expect(cost().textContent).toContain(`IPVS acted at 1 step with ${ipvs.connections[0]!.cost.ipvsLookups} hash lookups`);
  });
});

describe('the article figure in IPVS mode', () => {
  it('picks IPVS’s rewrite for Pod-to-Service 4 and its reply rewrite for Service-to-Pod 2', () => {
    const pictures = classicSteps(ipvs)!;
    expect(pictures).not.toBeNull();
    const at = (figure: string, n: number) => ipvs.steps[pictures.find((p) => p.figure === figure && p.n === n)!.stepIndex]!;
    expect(at('pod-to-service', 4)).toMatchObject({ ipvsChange: { change: 'scheduled' } });
    expect(at('service-to-pod', 2)).toMatchObject({ ipvsChange: { change: 'reply' } });
  });

  it('writes IPVS in the box where the figure says iptables, and in its accessible name', () => {
    const { container } = render(<ClassicView trace={ipvs} figure="pod-to-service" n={4} />);
    const svg = screen.getByRole('img', { name: /^Pod-to-Service, step 4: IPVS rewrites the destination from svc1 to pod4/ });
    expect(svg.querySelector('[data-id="classic-iptables"]')?.textContent).toBe('IPVS');
    render(<ClassicView trace={ipvs} figure="service-to-pod" n={2} />);
    expect(screen.getAllByRole('img')[1]!.getAttribute('aria-label')).toMatch(/IPVS rewrites the source from pod4 to svc1/);
    expect(container.textContent).not.toContain('iptables');
  });
});

describe('the cluster view in IPVS mode', () => {
  const renderCluster = (options: AppStoreOptions) => {
    const store = createAppStore({ preset: 'article', ...options });
    const { container } = render(
      <StoreProvider store={store}>
        <ClusterView />
      </StoreProvider>,
    );
    return (id: string) => container.querySelector<SVGGElement>(`[data-id="${id}"]`);
  };

  it('draws kube-ipvs0 with its address on every node, only in IPVS mode', () => {
    expect(renderCluster({ mode: 'iptables' })('device:vm1/kube-ipvs0')).toBeNull();
    const byId = renderCluster({ mode: 'ipvs' });
    for (const node of ['vm1', 'vm2']) {
      const kipvs = byId(`device:${node}/kube-ipvs0`)!;
      expect(kipvs.querySelector('[data-id="kube-ipvs0-addresses"]')?.textContent).toBe('10.96.0.10/32');
      expect(byId(`device:${node}/INPUT`)?.getAttribute('data-badge')).toBe('IPVS');
    }
  });

  it('runs INPUT where IPVS acts and shows its rewrite in the callout', () => {
    const byId = renderCluster({ mode: 'ipvs', step: scheduled.index });
    expect(byId('device:vm1/INPUT')?.getAttribute('data-running')).toBe('true');
    expect(byId('rewrite-heading')?.textContent).toBe('IPVS (rr)');
    expect(byId('rewrite:dst')?.textContent).toContain('10.96.0.10:80');
    expect(byId('rewrite:dst')?.textContent).toContain('10.244.2.3:8080');
  });

  it('passes the route step through routing to kube-ipvs0', () => {
    const route = find((s) => s.kind === 'route' && s.to === 'vm1/kube-ipvs0');
    const byId = renderCluster({ mode: 'ipvs', step: route.index });
    expect(byId('device:vm1/kube-ipvs0')?.getAttribute('data-active')).toBe('true');
    expect(byId('device:vm1/routing')?.getAttribute('data-active')).toBe('true');
  });
});
