import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStoreOptions } from '../../app/store/create-app-store';
import { renderClusterView } from './render-cluster-view';

function renderView(options: AppStoreOptions) {
  const { store, svg, byId } = renderClusterView(options);
  const texts = (selector: string) => [...svg.querySelectorAll(selector)].map((e) => e.textContent);
  /** The lines a box outside the cluster writes (its tooltip left out). */
  const lines = (id: string) => [...(byId(id)?.querySelectorAll('text') ?? [])].map((e) => e.textContent);
  return { store, svg, byId, texts, lines };
}

/** The index of the first step that goes from one device to another. */
const stepFrom = (preset: string, at: string, to: string) =>
  createAppStore({ preset })
    .getState()
    .trace.steps.findIndex((s) => s.at === at && s.to === to);

describe('the cluster view outside the cluster', () => {
  it('draws the laptop of the nodeport preset with its name and IP, on the nodes’ network', () => {
    const { byId, texts, lines } = renderView({ preset: 'nodeport' });
    expect(lines('device:laptop/eth0')).toEqual(['laptop', '192.168.0.100']);
    expect(byId('device:laptop/eth0')?.querySelector('title')?.textContent).toContain('a host on the nodes’ own network');
    expect(byId('device:net')?.textContent).toBe('the nodes’ network');
    // svc1 says how it is reached from outside: its node port and its external traffic policy.
    expect(texts('[data-id="service-exposure"]')).toEqual(['NodePort 30000', 'external policy Cluster']);
  });

  it('lights the laptop and the nodes’ network while the packet crosses from it to vm1’s eth0', () => {
    const { byId } = renderView({ preset: 'nodeport', step: stepFrom('nodeport', 'laptop/eth0', 'vm1/eth0') });
    expect(byId('device:laptop/eth0')?.dataset.active).toBe('true');
    expect(byId('device:vm1/eth0')?.dataset.active).toBe('true');
    expect(byId('device:net')?.dataset.active).toBe('true');
  });

  it('draws the load balancer with its IP, its source range and what each node answers its health check', () => {
    const { texts, lines } = renderView({ preset: 'loadbalancer' });
    expect(lines('device:office/eth0')).toEqual(['office', '203.0.113.25']);
    expect(lines('device:stranger/eth0')).toEqual(['stranger', '198.51.100.77']);
    const lb = lines('device:outside/load-balancer');
    expect(lb.slice(0, 2)).toEqual(['load balancer 203.0.113.10', 'allows 203.0.113.0/24']);
    // externalTrafficPolicy Local: pod4 is on vm2, so only vm2's health check answers 200.
    expect(lb[2]).toMatch(/^health check :\d+ vm1 503 vm2 200$/);
    expect(texts('[data-id="service-exposure"]')).toEqual(['LoadBalancer 203.0.113.10 · NodePort 30000', 'external policy Local']);
  });

  it('leaves the nodes’ network dark on the internet leg, from a client to the load balancer, and lights it after', () => {
    const first = renderView({ preset: 'loadbalancer', step: stepFrom('loadbalancer', 'office/eth0', 'outside/load-balancer') });
    expect(first.byId('device:office/eth0')?.dataset.active).toBe('true');
    expect(first.byId('device:outside/load-balancer')?.dataset.active).toBe('true');
    expect(first.byId('device:net')?.dataset.active).toBe('false');
    first.svg.remove();
    const second = renderView({ preset: 'loadbalancer', step: stepFrom('loadbalancer', 'outside/load-balancer', 'vm2/eth0') });
    expect(second.byId('device:net')?.dataset.active).toBe('true');
    expect(second.byId('device:office/eth0')?.dataset.active).toBe('false');
  });

  it('draws the router an internet client comes in through, and the external IP in the Service’s box', () => {
    const { texts, lines } = renderView({ preset: 'external-ip' });
    expect(lines('device:remote/eth0')).toEqual(['remote', '198.51.100.20']);
    expect(lines('device:outside/router')).toEqual(['router']);
    expect(texts('[data-id="service-exposure"]')).toEqual(['externalIPs 192.168.0.200', 'external policy Cluster']);
  });

  it('speaks Chinese when the store’s language is zh', () => {
    const { byId, texts } = renderView({ preset: 'loadbalancer', lang: 'zh' });
    expect(byId('device:net')?.textContent).toBe('节点网络');
    expect(byId('device:outside/load-balancer')?.textContent).toContain('负载均衡器 203.0.113.10');
    expect(byId('device:outside/load-balancer')?.textContent).toContain('允许 203.0.113.0/24');
    expect(byId('device:outside/load-balancer')?.textContent).toMatch(/健康检查 :\d+ vm1 503 vm2 200/);
    expect(texts('[data-id="service-exposure"]')[1]).toBe('外部流量策略 Local');
  });

  it('draws nothing outside the cluster for the article, whose clients are pods', () => {
    const { svg, byId, texts } = renderView({ preset: 'article' });
    expect(byId('outside')).toBeNull();
    expect(byId('outside-wires')).toBeNull();
    expect(svg.querySelectorAll('[data-kind]')).toHaveLength(0);
    expect(byId('device:net')?.textContent).toBe('the network');
    expect(texts('[data-id="service-exposure"]')).toEqual([]);
  });
});
