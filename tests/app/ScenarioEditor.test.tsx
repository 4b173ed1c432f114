import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { nextSeed } from '../../app/editor/next-seed';
import { SidePane } from '../../app/shell/SidePane';
import { createAppStore } from '../../app/store/create-app-store';
import { StoreProvider } from '../../app/store/StoreProvider';
import { presetScenario } from '../../src/index';
import { form, renderEditor, type } from './render-editor';

const podsOf = (store: ReturnType<typeof createAppStore>) => store.getState().trace.topology.pods.map((p) => `${p.name}@${p.node}`);

function addPod5ToVm2() {
  const add = form('Add pod');
  expect((add.getByLabelText('Name') as HTMLInputElement).value).toBe('pod5');
  fireEvent.change(add.getByLabelText('Node'), { target: { value: 'vm2' } });
  type(add.getByLabelText('Labels'), 'app=web');
  fireEvent.click(add.getByRole('button', { name: 'Add pod' }));
}

describe('the side pane', () => {
  it('has three tabs, step details first; the arrows move between them without stepping the trace', () => {
    const store = createAppStore({ preset: 'article' });
    render(
      <StoreProvider store={store}>
        <SidePane />
      </StoreProvider>,
    );
    const tabs = within(screen.getByRole('tablist')).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Step details', 'Edit scenario', 'Lab', 'Your node']);
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    expect(within(screen.getByRole('tabpanel')).getByRole('region', { name: 'Packet' })).toBeTruthy();
    tabs[0]!.focus();
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    expect(tabs[1]!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs[1]);
    expect(screen.getByRole('tabpanel', { name: 'Edit scenario' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Scenario editor' })).toBeTruthy();
    fireEvent.keyDown(tabs[1]!, { key: 'ArrowRight' });
    expect(tabs[2]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tabs[2]!, { key: 'ArrowRight' });
    expect(tabs[3]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tabs[3]!, { key: 'ArrowRight' });
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    expect(store.getState().cursor.step).toBe(0);
  });

  it('speaks Chinese', () => {
    renderEditor({ lang: 'zh' });
    expect(
      within(screen.getByRole('tablist'))
        .getAllByRole('tab')
        .map((t) => t.textContent),
    ).toEqual(['步骤详情', '编辑场景', '实验', '你的节点']);
    const editor = within(screen.getByRole('region', { name: '场景编辑器' }));
    for (const name of ['撤销', '重做', '重新掷骰', '添加节点', '添加 Pod', '扩缩', '应用', '应用流量'])
      expect(editor.getByRole('button', { name })).toBeTruthy();
    for (const name of ['节点', 'Pod', 'Service', '流量']) expect(editor.getByRole('heading', { name })).toBeTruthy();
    expect(form('添加 Pod').getByLabelText('标签')).toBeTruthy();
    expect(editor.getByRole('button', { name: '重置为预设“article”' })).toBeTruthy();
  });
});

describe('the scenario editor', () => {
  it('adds a pod to vm2: the trace topology has it, and the scenario is now a custom one', () => {
    const store = renderEditor();
    addPod5ToVm2();
    expect(podsOf(store)).toContain('pod5@vm2');
    expect(store.getState().trace.topology.services[0]!.endpoints).toContain('pod5');
    expect(store.getState().presetName).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Pods' })).getByRole('button', { name: 'Remove pod5' })).toBeTruthy();
    expect((form('Add pod').getByLabelText('Name') as HTMLInputElement).value).toBe('pod6');
  });

  it('scales the web pods to 3 replicas', () => {
    const store = renderEditor();
    const scale = form('Scale a group');
    expect((scale.getByLabelText('Selector') as HTMLInputElement).value).toBe('app=web');
    type(scale.getByLabelText('Replicas'), '3');
    fireEvent.click(scale.getByRole('button', { name: 'Scale' }));
    expect(store.getState().trace.topology.services[0]!.endpoints).toEqual(['pod3', 'pod4', 'pod5']);
    expect(podsOf(store)).toContain('pod5@vm1');
  });

  it('refuses a fixed cluster IP outside the service CIDR: lists the error, keeps the draft and the last good trace', () => {
    const store = renderEditor({ step: 5 });
    const trace = store.getState().trace;
    const edit = form('Change a Service: svc1');
    const ip = edit.getByLabelText('Fixed cluster IP') as HTMLInputElement;
    expect(ip.value).toBe('10.96.0.10');
    type(ip, '192.168.1.1');
    fireEvent.click(edit.getByRole('button', { name: 'Apply' }));
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText(/^cluster\.services\[0\]\.clusterIP: /).textContent).toBe(
      'cluster.services[0].clusterIP: 192.168.1.1 is outside the service CIDR 10.96.0.0/12',
    );
    expect(store.getState().trace).toBe(trace);
    expect(store.getState().presetName).toBe('article');
    expect(store.getState().cursor.step).toBe(5);
    expect((form('Change a Service: svc1').getByLabelText('Fixed cluster IP') as HTMLInputElement).value).toBe('192.168.1.1');
    // Fixed, it goes through and the list goes away.
    type(form('Change a Service: svc1').getByLabelText('Fixed cluster IP'), '10.96.0.99');
    fireEvent.click(form('Change a Service: svc1').getByRole('button', { name: 'Apply' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(store.getState().trace.topology.services[0]!.clusterIP).toBe('10.96.0.99');
  });

  it('sets the cluster IP back to automatic, session affinity and a named target port', () => {
    const store = renderEditor();
    const edit = form('Change a Service: svc1');
    fireEvent.click(edit.getByRole('radio', { name: 'Automatic (from the service CIDR)' }));
    fireEvent.change(edit.getByLabelText('Session affinity'), { target: { value: 'ClientIP' } });
    type(edit.getByLabelText('Target port'), '8080');
    fireEvent.click(edit.getByRole('button', { name: 'Apply' }));
    const svc = store.getState().scenario.cluster.services[0]!;
    expect(svc.clusterIP).toBeUndefined();
    expect(svc.sessionAffinity).toBe('ClientIP');
    expect(svc.ports[0]!.targetPort).toBe(8080);
  });

  it('undoes and redoes edits, with the buttons and with Ctrl+Z / Ctrl+Shift+Z inside the editor', () => {
    const store = renderEditor();
    const undo = screen.getByRole('button', { name: 'Undo' }) as HTMLButtonElement;
    const redo = screen.getByRole('button', { name: 'Redo' }) as HTMLButtonElement;
    expect(undo.disabled).toBe(true);
    addPod5ToVm2();
    fireEvent.click(within(screen.getByRole('region', { name: 'Nodes' })).getByRole('button', { name: 'Remove vm1' }));
    // pod1 sends the traffic: removing its node is refused and never enters the history.
    expect(screen.getByRole('alert').textContent).toContain('traffic[0].from: no pod or node named "pod1"');
    expect(podsOf(store)).toContain('pod5@vm2');
    fireEvent.click(undo);
    expect(podsOf(store)).not.toContain('pod5@vm2');
    expect(store.getState().presetName).toBe('article');
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(redo);
    expect(podsOf(store)).toContain('pod5@vm2');
    fireEvent.keyDown(undo, { key: 'z', ctrlKey: true });
    expect(podsOf(store)).not.toContain('pod5@vm2');
    fireEvent.keyDown(undo, { key: 'Z', metaKey: true, shiftKey: true });
    expect(podsOf(store)).toContain('pod5@vm2');
    expect(redo.disabled).toBe(true);
  });

  it('undo after another preset was picked elsewhere returns to the last edit first', () => {
    const store = renderEditor();
    addPod5ToVm2();
    act(() => void store.getState().loadPreset('hairpin'));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(podsOf(store)).toContain('pod5@vm2');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.getState().presetName).toBe('article');
    fireEvent.click(screen.getByRole('button', { name: 'Redo' }));
    fireEvent.click(screen.getByRole('button', { name: 'Redo' }));
    expect(store.getState().presetName).toBe('hairpin');
  });

  it('rolls again to the next seed of a fixed generator, the same every time', () => {
    const seeds = [0, 1].map(() => {
      const store = renderEditor();
      fireEvent.click(screen.getByRole('button', { name: 'Roll again' }));
      expect(screen.getByText(`seed ${nextSeed(1)}`)).toBeTruthy();
      cleanup();
      return store.getState().trace.seed;
    });
    expect(seeds).toEqual([nextSeed(1), nextSeed(1)]);
  });

  it('rolls a preset as that preset, and a custom scenario as a custom one; undo restores the seed', () => {
    const store = renderEditor({ seed: 7 });
    fireEvent.click(screen.getByRole('button', { name: 'Roll again' }));
    expect(store.getState().presetName).toBe('article');
    expect(store.getState().trace.seed).toBe(nextSeed(7));
    addPod5ToVm2();
    expect(store.getState().trace.seed).toBe(nextSeed(7)); // an edit keeps the seed on screen
    fireEvent.click(screen.getByRole('button', { name: 'Roll again' }));
    expect(store.getState().scenario.seed).toBe(nextSeed(nextSeed(7)));
    expect(store.getState().presetName).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.getState().trace.seed).toBe(nextSeed(7));
  });

  it('resets to the preset the scenario was edited from, undoably', () => {
    const store = renderEditor({ preset: 'three-replicas' });
    addPod5ToVm2();
    fireEvent.click(within(screen.getByRole('region', { name: 'Pods' })).getByRole('checkbox', { name: 'pod2 is ready' }));
    expect(store.getState().scenario.cluster.pods.find((p) => p.name === 'pod2')!.ready).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Reset to preset “three-replicas”' }));
    expect(store.getState().presetName).toBe('three-replicas');
    expect(store.getState().scenario).toEqual(presetScenario('three-replicas'));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.getState().presetName).toBeNull();
    expect(podsOf(store)).toContain('pod5@vm2');
  });

  it('adds a node, a Service, and sends traffic to it from the new node', () => {
    const store = renderEditor();
    fireEvent.click(form('Add node').getByRole('button', { name: 'Add node' }));
    expect(store.getState().trace.topology.nodes.map((n) => `${n.name} ${n.ip} ${n.podCidr}`)).toContain('vm3 192.168.0.13 10.244.3.0/24');
    const add = form('Add Service');
    expect((add.getByLabelText('Name') as HTMLInputElement).value).toBe('svc2');
    type(add.getByLabelText('Port'), '8081');
    fireEvent.click(add.getByRole('button', { name: 'Add Service' }));
    expect(store.getState().trace.topology.services.map((s) => s.name)).toEqual(['svc1', 'svc2']);
    const traffic = form('Connections');
    fireEvent.change(traffic.getByLabelText('From'), { target: { value: 'vm3' } });
    fireEvent.change(traffic.getByLabelText('To'), { target: { value: 'svc2' } });
    type(traffic.getByLabelText('Port'), '8081');
    fireEvent.click(traffic.getByRole('button', { name: 'Apply traffic' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(store.getState().trace.connections[0]).toMatchObject({ client: 'vm3' });
  });

  it('reports labels it cannot read without touching the scenario, and names stay text', () => {
    const store = renderEditor();
    const scenario = store.getState().scenario;
    const add = form('Add pod');
    type(add.getByLabelText('Name'), '<b>x</b>');
    type(add.getByLabelText('Labels'), 'app');
    fireEvent.click(add.getByRole('button', { name: 'Add pod' }));
    expect(screen.getByRole('alert').textContent).toContain('labels: "app" is not key=value');
    type(form('Add pod').getByLabelText('Labels'), 'app=web');
    fireEvent.click(form('Add pod').getByRole('button', { name: 'Add pod' }));
    expect(screen.getByRole('alert').textContent).toContain('cluster.pods[4].name: must be a DNS label');
    expect(screen.getByRole('alert').querySelector('b')).toBeNull();
    expect(store.getState().scenario).toBe(scenario);
  });

  it('says why a saved scenario was ignored, until dismissed', () => {
    const store = createAppStore({ preset: 'article' });
    store.getState().setRestoreErrors([{ path: 'seed', message: 'Too small: expected number to be >=0' }]);
    render(
      <StoreProvider store={store}>
        <SidePane />
      </StoreProvider>,
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Edit scenario' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('could not be read');
    expect(alert.textContent).toContain('seed: Too small');
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps Space and the arrows inside the editor from playing or stepping the trace', () => {
    const store = renderEditor();
    const handled: string[] = [];
    const spy = (e: KeyboardEvent) => handled.push(e.key);
    window.addEventListener('keydown', spy);
    const button = screen.getByRole('button', { name: 'Roll again' });
    fireEvent.keyDown(button, { key: ' ' });
    fireEvent.keyDown(button, { key: 'ArrowRight' });
    window.removeEventListener('keydown', spy);
    expect(handled).toEqual([]);
    expect(store.getState().playing).toBe(false);
  });
});
