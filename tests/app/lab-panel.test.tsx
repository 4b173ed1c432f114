import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LabPanel } from '../../app/lab/LabPanel';
import { labChoices } from '../../app/lab/lab-choices';
import { SidePane } from '../../app/shell/SidePane';
import { createAppStore, type AppStoreOptions } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';
import { readUrl, writeUrl } from '../../app/url/url-state';
import { runLabHere, type LabRunner } from '../../app/worker/lab-runner';
import { presetScenario, runLbLab } from '../../src/index';

function renderLab(options: AppStoreOptions = {}, run: LabRunner = runLabHere) {
  const store = createAppStore({ preset: 'three-replicas', ...options });
  render(
    <StoreProvider store={store}>
      <LabPanel run={run} />
    </StoreProvider>,
  );
  return store;
}

const runWith = async (connections: string) => {
  fireEvent.change(screen.getByRole('textbox', { name: /Connections|连接数/ }), { target: { value: connections } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: /^(Run|运行)$/ }));
  });
};
const countsOf = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[1]!.textContent);

describe('the load-balancing lab panel', () => {
  it('three-replicas, 3000 connections: three rows, the same counts as the engine (and the CLI) for the seed, and a p-value', async () => {
    renderLab();
    await runWith('3000');
    const expected = runLbLab(presetScenario('three-replicas')!, { connections: 3000 });
    if (!expected.ok) throw new Error(expected.error);
    expect(countsOf()).toEqual(expected.value.endpoints.map((e) => String(e.count)));
    expect(countsOf().reduce((n, c) => n + Number(c), 0)).toBe(3000);
    const rows = screen.getAllByRole('rowheader').map((h) => h.textContent);
    expect(rows).toEqual(['pod2', 'pod3', 'pod4']);
    expect(screen.getByText(/^Chi-square \d+\.\d{3}, 2 degrees of freedom/)).toBeTruthy();
    expect(screen.getByText(/^p-value 0\.\d{4}:$/)).toBeTruthy();
    const bars = document.querySelectorAll('[data-id="lab-bar"]');
    expect([...bars].map((b) => b.getAttribute('data-count'))).toEqual(countsOf());
    expect(screen.getByRole('img', { name: 'Where 3,000 connections to 10.96.0.10:80/TCP landed' })).toBeTruthy();
    // 3,000 connections simulated twice (the panel, then the engine for the expectation): 5 s is short on a loaded 2-core machine.
  }, 20_000);

  it("explains the shares from this Service's own rules: 0.33333333349, then 0.5 of the 66.7% left, then the rest", async () => {
    renderLab();
    await runWith('10');
    const why = within(screen.getByRole('region', { name: 'Why these shares' }));
    const items = why.getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toContain('--probability 0.33333333349. Every new connection reaches it; it takes 0.3333 of them: 33.3%');
    expect(items[1]).toContain(
      '--probability 0.50000000000. Reached by the 66.7% the rules before it did not take; it takes 0.5 of them: 33.3%',
    );
    expect(items[2]).toContain('no --probability');
    expect(why.getByText(/So 0\.33333333349, 0\.50000000000, \(none\) gives every endpoint the same share, 1\/3\./)).toBeTruthy();
  });

  it('IPVS rr: exactly even, the scheduler explained, and no p-value because nothing is drawn at random', async () => {
    renderLab({ mode: 'ipvs' });
    await runWith('300');
    expect(countsOf()).toEqual(['100', '100', '100']);
    expect(screen.getByText(/No p-value: rr takes the real servers in turn/)).toBeTruthy();
    expect(screen.getByText(/scheduler rr: the real servers in turn/)).toBeTruthy();
  });

  it("nftables mode: the Service chain's numgen map explained, one number per endpoint, the same counts as the engine and a p-value", async () => {
    renderLab({ mode: 'nftables' });
    await runWith('300');
    const expected = runLbLab(presetScenario('three-replicas')!, { connections: 300, mode: 'nftables' });
    if (!expected.ok) throw new Error(expected.error);
    expect(countsOf()).toEqual(expected.value.endpoints.map((e) => String(e.count)));
    const why = within(screen.getByRole('region', { name: 'Why these shares' }));
    expect(
      why.getByText(/^service-\w{8}-default\/svc1\/tcp\/\w+: numgen random mod 3 draws one number for each new connection, 0 to 2/),
    ).toBeTruthy();
    expect(why.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '0 → pod2 (10.244.1.3:8080): 33.3%.',
      '1 → pod3 (10.244.2.2:8080): 33.3%.',
      '2 → pod4 (10.244.2.3:8080): 33.3%.',
    ]);
    expect(screen.getByText(/^p-value 0\.\d{4}:$/)).toBeTruthy();
  });

  it('refuses a count outside 10..10,000: the Run button is disabled and says why', () => {
    renderLab();
    fireEvent.change(screen.getByRole('textbox', { name: /Connections/ }), { target: { value: '9' } });
    expect((screen.getByRole('button', { name: 'Run' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Enter a whole number from 10 to 10,000.')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /Connections/ }), { target: { value: '10000' } });
    expect((screen.getByRole('button', { name: 'Run' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('runs through the runner it is given (the page: a worker) and says so', async () => {
    const calls: unknown[] = [];
    const fake: LabRunner = async (scenario, options) => {
      calls.push(options);
      return { ...(await runLabHere(scenario, options)), ms: 812, worker: true };
    };
    renderLab({ seed: 7 }, fake);
    await runWith('50');
    expect(calls).toEqual([expect.objectContaining({ connections: 50, seed: 7, mode: 'iptables', clients: ['pod1'], port: 80 })]);
    expect(screen.getByRole('status').textContent).toContain('Took 0.81 s, in a background worker.');
  });

  it('speaks Chinese, with full-width punctuation', async () => {
    renderLab({ lang: 'zh' });
    await runWith('30');
    expect(screen.getByRole('heading', { name: '负载均衡实验' })).toBeTruthy();
    expect(document.querySelector('[data-id="lab-test"]')!.textContent).toMatch(
      /^卡方值 \d+\.\d{3}，自由度 2。p 值 0\.\d{4}：假如每次抽取/,
    );
    expect(screen.getByRole('region', { name: '为什么是这样的占比' }).textContent).toContain('0.33333333349、0.50000000000、（无）');
  });

  it('pod-churn offers the cluster after each event; after the deletion only pod3 is left', async () => {
    renderLab({ preset: 'pod-churn' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Cluster' }), { target: { value: '2' } });
    await runWith('40');
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['pod3']);
    expect(countsOf()).toEqual(['40']);
  });
});

describe('lab=lb', () => {
  it('is read from the URL and written back; the side pane opens on the Lab tab, and leaving it drops the parameter', () => {
    expect(readUrl('?lab=lb').lab).toBe('lb');
    expect(readUrl('?lab=quiz').alerts).toEqual([{ param: 'lab', value: 'quiz', reason: 'unknown' }]);
    const store = createAppStore({ preset: 'three-replicas', lab: 'lb' });
    expect(writeUrl(store.getState())).toContain('lab=lb');
    render(
      <StoreProvider store={store}>
        <SidePane />
      </StoreProvider>,
    );
    expect(screen.getByRole('tab', { name: 'Lab' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Load-balancing lab' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Step details' }));
    expect(store.getState().lab).toBeNull();
    expect(writeUrl(store.getState())).not.toContain('lab=');
  });

  it('lists the scenario Service ports, clients and moments', () => {
    const choices = labChoices(presetScenario('pod-churn')!);
    expect(choices.servicePorts.map((p) => p.label)).toEqual(['svc1 80/TCP', 'svc1 53/UDP']);
    expect(choices.defaultPort).toBe('default/svc1 80/TCP');
    expect(choices.clients).toEqual(['pod1', 'pod2', 'pod3', 'pod4', 'vm1', 'vm2']);
    expect(choices.moments).toEqual([
      { at: 0, event: null },
      { at: 2, event: 'delete-pod pod4' },
      { at: 3, event: 'create-pod pod4' },
    ]);
  });
});
