import type { PacketStep } from '../../src/index';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { clusterStrings } from '../../app/i18n/cluster-strings';
import { findExportTarget, viewBoxInSight } from '../../app/export/export-target';
import { readTransformStyle } from '../../app/topology/cluster/fit-transform';
import { createAppStore } from '../../app/store/create-app-store';
import { renderClusterView as renderView } from './render-cluster-view';

const stepOfKind = (kind: string) =>
  createAppStore({ preset: 'article' })
    .getState()
    .trace.steps.find((s) => s.kind === kind)!;

describe('ClusterView', () => {
  it('is one labelled image of the cluster', () => {
    renderView();
    expect(screen.getByRole('img', { name: clusterStrings.en.viewLabel })).toBeTruthy();
  });

  it('draws every node, pod, the Service as a virtual address, kube-proxy and the API server of the article', () => {
    const { byId } = renderView();
    for (const node of ['vm1', 'vm2']) {
      expect(byId(`node:${node}`)?.textContent).toContain(node);
      expect(byId(`kube-proxy:${node}`)?.textContent).toBe('kube-proxy');
      expect(byId(`watch:${node}`)).not.toBeNull();
      for (const hook of ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'])
        expect(byId(`device:${node}/${hook}`)?.textContent).toBe(hook);
    }
    expect(byId('node:vm1')?.textContent).toContain('192.168.0.11');
    for (const [pod, ip] of [
      ['pod1', '10.244.1.2'],
      ['pod2', '10.244.1.3'],
      ['pod3', '10.244.2.2'],
      ['pod4', '10.244.2.3'],
    ]) {
      expect(byId(`pod:${pod}`)?.textContent).toContain(ip);
      expect(byId(`device:${pod}/eth0`)).not.toBeNull();
    }
    const svc = byId('service:default/svc1')!;
    expect(svc.textContent).toContain('svc1');
    expect(svc.querySelector('[data-id="service-address"]')?.textContent?.trim()).toBe('10.96.0.10:80');
    expect(svc.querySelector('rect')?.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(byId('api-server')?.textContent).toContain('API server');
    expect(byId('device:net')?.textContent).toContain('the network');
  });

  it('shows the Service’s endpoint pods and the client', () => {
    const { byId } = renderView();
    expect(byId('service:default/svc1')?.textContent).toContain('pod3, pod4');
    expect(byId('pod:pod1')?.getAttribute('data-role')).toBe('client');
    expect(byId('pod:pod3')?.getAttribute('data-role')).toBe('endpoint');
    expect(byId('pod:pod4')?.getAttribute('data-chosen')).toBe('true');
    expect(byId('pod:pod2')?.getAttribute('data-role')).toBeNull();
  });

  it.each([
    [1, ['vm1/veth0', 'vm1/cbr0'], null],
    [3, ['vm1/PREROUTING'], 'vm1/PREROUTING'],
    [4, ['vm1/PREROUTING', 'vm1/routing', 'vm1/FORWARD'], null],
    [7, ['vm1/eth0', 'vm2/eth0', 'net'], null],
    [14, ['vm2/veth1', 'pod4/eth0'], null],
  ])('at step %i highlights %j and the running hook %s', (step, ids, running) => {
    const { byId, svg } = renderView({ step });
    const active = [...svg.querySelectorAll('[data-active="true"]')].map((g) => g.getAttribute('data-id'));
    expect(active.filter((id) => id?.startsWith('device:')).sort()).toEqual(ids.map((id) => `device:${id}`).sort());
    const runningIds = [...svg.querySelectorAll('[data-running="true"]')].map((g) => g.getAttribute('data-id'));
    expect(runningIds).toEqual(running ? [`device:${running}`] : []);
    expect(byId('device:vm2/cbr0')?.getAttribute('data-active')).toBe('false');
  });

  it('shows the DNAT on the card by the packet: the Service address struck, the pod address under it, the source kept', () => {
    const dnat = stepOfKind('dnat') as PacketStep;
    const { byId } = renderView({ step: dnat.index });
    const card = byId('packet-card')!;
    const old = card.querySelector('[data-id="rewrite-old"]')!;
    expect(old.textContent).toBe('10.96.0.10:80');
    expect(old.getAttribute('text-decoration')).toBe('line-through');
    expect(card.querySelector('[data-id="rewrite-new"]')?.textContent).toBe('10.244.2.3:8080');
    expect(byId('rewrite:dst')?.textContent).toMatch(/^dst 10\.96\.0\.10:80dst 10\.244\.2\.3:8080$/);
    expect(byId('packet-card:src')?.textContent).toBe(`src ${dnat.after.srcIp}:${dnat.after.srcPort}`);
    expect(byId('packet-card-title')?.textContent).toBe('SYN');
  });

  it('shows the reverse NAT on the reply: the source goes back to the Service address', () => {
    const reverse = stepOfKind('reverse-nat');
    const { byId } = renderView({ step: reverse.index });
    expect(byId('rewrite:src')?.textContent).toContain('10.244.2.3:8080');
    expect(byId('rewrite:src')?.querySelector('[data-id="rewrite-new"]')?.textContent).toBe('10.96.0.10:80');
    expect(byId('packet-card:dst')?.textContent).toBe('dst 10.244.1.2:50637');
  });

  it('shows the packet’s source and destination on every step, nothing struck when the step rewrites nothing', () => {
    const { byId } = renderView({ step: 1 });
    expect(byId('packet-card:src')?.textContent).toBe('src 10.244.1.2:50637');
    expect(byId('packet-card:dst')?.textContent).toBe('dst 10.96.0.10:80');
    expect(byId('packet-card')?.querySelector('[data-id^="rewrite"]')).toBeNull();
  });

  it('names a control-plane step on its card and shows no addresses, since no packet travels', () => {
    const store = createAppStore({ preset: 'pod-churn' });
    const sync = store.getState().trace.steps.find((s) => s.kind === 'kube-proxy-sync')!;
    const { byId } = renderView({ preset: 'pod-churn', step: sync.index });
    expect(byId('packet-card-title')?.textContent).toBe(clusterStrings.en.controlPlane);
    expect(byId('packet-card:src')).toBeNull();
    expect(byId('packet-card')?.textContent).not.toContain('0.0.0.0');
  });

  const dotAt = (byId: (id: string) => SVGGElement | null) => {
    const dot = byId('packet-dot')!;
    return [dot.getAttribute('cx'), dot.getAttribute('cy')];
  };

  it('draws the packet as the article’s red dot with its card, and moves it with the cursor alone', () => {
    const { byId, store } = renderView({ step: 7 });
    const packet = byId('packet')!;
    const circle = byId('packet-dot')!;
    // The article's #F8CECC and #B85450 in light, through the theme's properties (tests/e2e/theme.spec.ts checks the colours).
    expect([circle.getAttribute('r'), circle.getAttribute('fill'), circle.getAttribute('stroke')]).toEqual([
      '10',
      'var(--pw-packet-fill)',
      'var(--pw-packet-stroke)',
    ]);
    expect(packet.textContent).toContain('SYN');
    const staticLayer = byId('cluster-static');
    const before = dotAt(byId);
    act(() => store.setState({ cursor: { step: 7, t: 0.1 } }));
    expect(dotAt(byId)).not.toEqual(before);
    expect(byId('cluster-static')).toBe(staticLayer);
  });

  it('rests the packet halfway along each step when the person prefers reduced motion', () => {
    const original = window.matchMedia;
    window.matchMedia = ((query: string) => ({
      matches: query.includes('reduce'),
      addEventListener() {},
      removeEventListener() {},
    })) as unknown as typeof window.matchMedia;
    try {
      const { byId, store } = renderView({ step: 7 });
      const halfway = dotAt(byId);
      expect(halfway[0]).toBeTruthy();
      act(() => store.setState({ cursor: { step: 7, t: 0.1 } }));
      expect(dotAt(byId)).toEqual(halfway);
    } finally {
      window.matchMedia = original;
    }
  });

  it('speaks Chinese when the store’s language is zh', () => {
    const { byId } = renderView({ lang: 'zh', step: stepOfKind('dnat').index });
    const zh = clusterStrings.zh;
    expect(screen.getByRole('img', { name: zh.viewLabel })).toBeTruthy();
    expect(byId('api-server')?.textContent).toContain(zh.apiServer);
    expect(byId('device:net')?.textContent).toContain(zh.network);
    expect(byId('device:vm1/routing')?.textContent).toBe(zh.routing);
    expect(byId('pod:pod4')?.textContent).toContain(zh.endpointOf('svc1'));
    expect(byId('rewrite:dst')?.textContent).toContain(zh.rewrite.dst);
    for (const name of [zh.zoomIn, zh.zoomOut, zh.resetZoom]) expect(screen.getByRole('button', { name })).toBeTruthy();
  });

  it('saves the view as zoomed and panned: the export reads the transform the svg is drawn with', () => {
    const { svg } = renderView();
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    const shown = readTransformStyle(svg.style.transform);
    expect(shown).not.toBeNull();
    svg.closest('div')!.parentElement!.classList.add('view-area');
    const target = findExportTarget('cluster', document);
    expect(target?.svg).toBe(svg);
    expect(target?.panZoom).toEqual(shown);
    expect(target?.viewBox).toBe(viewBoxInSight(shown!, target!.width, target!.height));
  });

  it('zooms with its buttons and resets to the whole cluster', () => {
    const { svg } = renderView();
    // The view's pan and zoom, as the svg's CSS transform draws it.
    const viewTransform = () => svg.style.transform;
    const fitted = viewTransform();
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    const zoomed = viewTransform();
    expect(zoomed).not.toBe(fitted);
    fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(viewTransform()).not.toBe(zoomed);
    fireEvent.click(screen.getByRole('button', { name: /reset zoom/i }));
    expect(viewTransform()).toBe(fitted);
  });

  it('zoomed out past reading, draws the nodes the step does not touch as outlines, and in full again when zoomed back in', async () => {
    // The article's cluster and a third node with a pod of its own, which no step touches.
    const { store, svg, byId } = renderView();
    const article = store.getState().scenario;
    const vm3 = { name: 'vm3', ip: '192.168.0.13', podCIDR: '10.244.3.0/24' };
    const pod5 = { ...article.cluster.pods[0]!, name: 'pod5', node: 'vm3', labels: { app: 'other' } };
    const cluster = { ...article.cluster, nodes: [...article.cluster.nodes, vm3], pods: [...article.cluster.pods, pod5] };
    act(() => void store.getState().loadScenario({ ...article, cluster }));
    const outlines = () => [...svg.querySelectorAll('[data-id^="node:"][data-detail="outline"]')].map((g) => g.getAttribute('data-id'));
    expect(outlines()).toEqual([]);
    for (let i = 0; i < 4; i++) fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    const first = store.getState().trace.connections[0]!;
    expect(outlines()).toEqual(['node:vm3']);
    expect(byId('node-devices:vm3')?.querySelectorAll('rect')).toHaveLength(1);
    for (const id of outlines()) {
      // An outline keeps the node's box and name, and its pods as boxes without their labels.
      const node = id!.slice('node:'.length);
      expect(byId(id!)?.textContent).toBe(node);
      expect(byId(`node-devices:${node}`)?.querySelectorAll('rect').length).toBeGreaterThan(0);
      expect(byId(`node-devices:${node}`)?.querySelector('text')).toBeNull();
      expect(byId(`node-devices:${node}`)?.querySelector('[data-id^="pod:"]')).toBeNull();
    }
    // The client's pod and the endpoint it reaches stay drawn in full, with their names.
    for (const pod of [first.client, first.endpointPod!]) expect(byId(`pod:${pod}`)?.textContent, pod).toContain(pod);
    fireEvent.click(screen.getByRole('button', { name: /reset zoom/i }));
    // Full detail comes back a few nodes per animation frame (progressive-detail.ts).
    await waitFor(() => expect(outlines()).toEqual([]));
  });

  it('redraws for another preset: same-node has no wire and no network step', () => {
    const { byId } = renderView({ preset: 'same-node', step: 0 });
    expect(byId('pod:pod2')?.getAttribute('data-chosen')).toBe('true');
    expect(byId('device:net')?.getAttribute('data-active')).toBe('false');
  });
});
