import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { createAppStore } from '../../app/store/create-app-store';
import { isPacketStep, type Trace } from '../../src/index';
import { form, renderEditor, type } from './render-editor';

const svc1 = () => form('Change a Service: svc1');
const field = (label: string) => svc1().getByLabelText(label) as HTMLInputElement;
const applySvc1 = () => fireEvent.click(svc1().getByRole('button', { name: 'Apply' }));
const errorLines = () =>
  within(screen.getByRole('alert'))
    .getAllByRole('listitem')
    .map((li) => li.textContent);
const outsideSvc1 = (store: ReturnType<typeof createAppStore>) => store.getState().trace.topology.outside?.services[0];
const chainsOf = (trace: Trace) => trace.steps.filter(isPacketStep).flatMap((s) => s.rules.map((r) => r.chain));

describe('the editor: a Service reached from outside the cluster', () => {
  it('shows only the fields a type uses: nothing of node ports or load balancers on a ClusterIP Service', () => {
    renderEditor();
    expect(svc1().queryByLabelText('Node port')).toBeNull();
    expect(svc1().queryByLabelText('External traffic policy')).toBeNull();
    expect(svc1().queryByLabelText('Load balancer IPs')).toBeNull();
    expect(svc1().getByLabelText('Internal traffic policy')).toBeTruthy();
    type(field('Type'), 'NodePort');
    expect(svc1().getByLabelText('Node port')).toBeTruthy();
    expect(svc1().getByLabelText('External traffic policy')).toBeTruthy();
    expect(svc1().queryByLabelText('Source ranges')).toBeNull();
    type(field('Type'), 'LoadBalancer');
    expect(svc1().getByLabelText('Load balancer IPs')).toBeTruthy();
    expect(svc1().getByLabelText('Source ranges')).toBeTruthy();
    // The health check port only exists under policy Local.
    expect(svc1().queryByLabelText('Health check port')).toBeNull();
    type(field('External traffic policy'), 'Local');
    expect(svc1().getByLabelText('Health check port')).toBeTruthy();
  });

  it('makes svc1 a NodePort with policy Local: the engine allocates 30000, shown as the automatic node port', () => {
    const store = renderEditor();
    type(field('Type'), 'NodePort');
    type(field('External traffic policy'), 'Local');
    applySvc1();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(store.getState().scenario.cluster.services[0]).toMatchObject({ type: 'NodePort', externalTrafficPolicy: 'Local' });
    expect(store.getState().scenario.cluster.services[0]!.ports[0]!.nodePort).toBeUndefined();
    expect(outsideSvc1(store)).toMatchObject({ type: 'NodePort', nodePorts: [30000], externalTrafficPolicy: 'Local' });
    expect(field('Node port').value).toBe('');
    expect(field('Node port').placeholder).toBe('auto: 30000');
    // Back to ClusterIP: the node port, policy and type it no longer uses leave the scenario.
    type(field('Type'), 'ClusterIP');
    applySvc1();
    expect(store.getState().scenario.cluster.services[0]).not.toHaveProperty('externalTrafficPolicy');
    expect(outsideSvc1(store)).toBeUndefined();
  });

  it('accepts a Local policy with no endpoint anywhere: the edit goes through (kube-proxy then refuses its outside traffic)', () => {
    const store = renderEditor();
    type(svc1().getByLabelText('Selector'), 'app=nothing');
    type(field('Type'), 'NodePort');
    type(field('External traffic policy'), 'Local');
    applySvc1();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(store.getState().trace.topology.services[0]!.endpoints).toEqual([]);
    expect(outsideSvc1(store)?.externalTrafficPolicy).toBe('Local');
  });

  it('refuses a node port out of range with its path, keeping the draft and the last good trace', () => {
    const store = renderEditor({ step: 4 });
    const trace = store.getState().trace;
    type(field('Type'), 'NodePort');
    type(field('Node port'), '29999');
    applySvc1();
    expect(errorLines()).toEqual(['cluster.services[0].ports[0].nodePort: 29999 is outside the node port range 30000-32767']);
    expect(store.getState().trace).toBe(trace);
    expect(store.getState().cursor.step).toBe(4);
    expect(field('Node port').value).toBe('29999');
    type(field('Node port'), '30080');
    applySvc1();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(outsideSvc1(store)?.nodePorts).toEqual([30080]);
  });

  it('refuses a node port already used (here by its own health check port), naming both', () => {
    renderEditor();
    type(field('Type'), 'LoadBalancer');
    type(field('External traffic policy'), 'Local');
    type(field('Node port'), '30080');
    type(field('Health check port'), '30080');
    applySvc1();
    expect(errorLines()).toEqual([
      'cluster.services[0].healthCheckNodePort: node port 30080 is already used by Service "svc1" (cluster.services[0].ports[0].nodePort)',
    ]);
  });

  it('shows the health check port the engine allocated, and a fixed one once applied', () => {
    const store = renderEditor();
    type(field('Type'), 'LoadBalancer');
    type(field('External traffic policy'), 'Local');
    applySvc1();
    expect(field('Health check port').placeholder).toBe('auto: 30001');
    type(field('Health check port'), '32000');
    applySvc1();
    expect(outsideSvc1(store)?.healthCheckNodePort).toBe(32000);
    expect(field('Health check port').value).toBe('32000');
  });

  it('refuses a source range that is not a CIDR, with its path', () => {
    renderEditor();
    type(field('Type'), 'LoadBalancer');
    type(field('Load balancer IPs'), '203.0.113.10');
    type(field('Source ranges'), '203.0.113.0/24, 10.0.0.0/33');
    applySvc1();
    expect(errorLines()).toHaveLength(1);
    expect(errorLines()[0]).toMatch(/^cluster\.services\[0\]\.loadBalancerSourceRanges\[1\]: /);
  });

  it('sets load balancer IPs, source ranges and external IPs, which the trace topology then lists', () => {
    const store = renderEditor();
    type(field('Type'), 'LoadBalancer');
    type(field('Load balancer IPs'), '203.0.113.10');
    type(field('Source ranges'), '203.0.113.0/24');
    type(field('External IPs'), '192.0.2.10 192.0.2.11');
    type(field('Internal traffic policy'), 'Local');
    applySvc1();
    expect(outsideSvc1(store)).toMatchObject({
      type: 'LoadBalancer',
      loadBalancerIPs: ['203.0.113.10'],
      loadBalancerSourceRanges: ['203.0.113.0/24'],
      externalIPs: ['192.0.2.10', '192.0.2.11'],
      internalTrafficPolicy: 'Local',
    });
  });
});

describe('the editor: clients outside the cluster', () => {
  const addLaptop = (ip?: string) => {
    const add = form('Add client');
    type(add.getByLabelText('Name'), 'laptop');
    if (ip !== undefined) type(add.getByLabelText('Address'), ip);
    fireEvent.click(add.getByRole('button', { name: 'Add client' }));
  };

  it('offers a free address for the place picked, adds the client and removes it', () => {
    const store = renderEditor();
    const add = form('Add client');
    expect((add.getByLabelText('Address') as HTMLInputElement).value).toBe('192.168.0.100');
    type(add.getByLabelText('Where'), 'load-balancer');
    expect((add.getByLabelText('Address') as HTMLInputElement).value).toBe('203.0.113.10');
    type(add.getByLabelText('Where'), 'host');
    addLaptop();
    expect(store.getState().scenario.cluster.externalClients).toEqual([{ name: 'laptop', kind: 'host', ip: '192.168.0.100' }]);
    expect(store.getState().trace.topology.outside?.clients.map((c) => c.name)).toEqual(['laptop']);
    const section = within(screen.getByRole('region', { name: 'Outside clients' }));
    fireEvent.click(section.getByRole('button', { name: 'Remove laptop' }));
    expect(store.getState().scenario.cluster).not.toHaveProperty('externalClients');
  });

  it('refuses a client on a node’s address, with its path', () => {
    renderEditor();
    addLaptop('192.168.0.11');
    expect(errorLines()).toEqual(['cluster.externalClients[0].ip: 192.168.0.11 is node "vm1"\'s address']);
  });

  it('sends from the laptop to vm1’s node port: the walk goes through KUBE-NODEPORTS', () => {
    const store = renderEditor();
    type(field('Type'), 'NodePort');
    applySvc1();
    addLaptop();
    const traffic = form('Connections');
    // A pod sending to the cluster IP now has a choice of address too.
    expect((traffic.getByLabelText('Sent to') as HTMLSelectElement).selectedOptions[0]!.textContent).toBe('cluster IP 10.96.0.10:80');
    type(traffic.getByLabelText('From'), 'laptop');
    const to = traffic.getByLabelText('Sent to') as HTMLSelectElement;
    expect([...to.options].map((o) => o.textContent)).toEqual(['vm1 192.168.0.11:30000 (node port)', 'vm2 192.168.0.12:30000 (node port)']);
    expect(to.selectedOptions[0]!.textContent).toBe('vm1 192.168.0.11:30000 (node port)');
    type(to, to.options[1]!.value);
    fireEvent.click(traffic.getByRole('button', { name: 'Apply traffic' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(store.getState().scenario.traffic[0]).toMatchObject({ from: 'laptop', address: 'node-port', node: 'vm2' });
    expect(chainsOf(store.getState().trace)).toContain('KUBE-NODEPORTS');
  });

  it('offers external and load balancer IPs as targets, never the cluster IP from outside', () => {
    const store = renderEditor();
    type(field('Type'), 'LoadBalancer');
    type(field('Load balancer IPs'), '203.0.113.10');
    type(field('External IPs'), '192.0.2.10');
    applySvc1();
    addLaptop();
    const traffic = form('Connections');
    type(traffic.getByLabelText('From'), 'laptop');
    const to = traffic.getByLabelText('Sent to') as HTMLSelectElement;
    const texts = [...to.options].map((o) => o.textContent);
    expect(texts).toContain('external IP 192.0.2.10:80');
    expect(texts).toContain('load balancer 203.0.113.10:80');
    expect(texts.some((t) => t?.startsWith('cluster IP'))).toBe(false);
    type(to, [...to.options].find((o) => o.textContent === 'load balancer 203.0.113.10:80')!.value);
    fireEvent.click(traffic.getByRole('button', { name: 'Apply traffic' }));
    expect(store.getState().scenario.traffic[0]).toMatchObject({ from: 'laptop', address: 'load-balancer', ip: '203.0.113.10' });
  });

  it('speaks Chinese for the new fields; errors keep the engine’s path and message', () => {
    renderEditor({ lang: 'zh' });
    const edit = form('修改 Service: svc1');
    type(edit.getByLabelText('类型'), 'NodePort');
    expect(edit.getByLabelText('外部流量策略')).toBeTruthy();
    type(edit.getByLabelText('节点端口'), '40000');
    fireEvent.click(edit.getByRole('button', { name: '应用' }));
    const alert = within(screen.getByRole('alert'));
    expect(alert.getByText('修改未生效，页面仍显示上一个有效的场景：')).toBeTruthy();
    expect(alert.getByText(/^cluster\.services\[0\]\.ports\[0\]\.nodePort: 40000 is outside/)).toBeTruthy();
    const add = form('添加客户端');
    expect(add.getByLabelText('位置')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: '集群外的客户端' })).getByRole('button', { name: '添加客户端' })).toBeTruthy();
  });
});
