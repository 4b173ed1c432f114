import { describe, expect, it } from 'vitest';
import { presetScenario, simulate } from '../../src/index';
import { planCluster } from './cluster-plan';
import { needsEdge, outsideConnection, planOutsideClients } from './outside-plan';

const traceOf = (name: string) => simulate(presetScenario(name)!);

describe('planOutsideClients', () => {
  it('builds the laptop on the nodes’ network and no edge for it', () => {
    const clients = planOutsideClients(traceOf('nodeport').topology);
    expect(clients).toEqual([{ name: 'laptop', ip: '192.168.0.100', via: 'node-network' }]);
    expect(needsEdge(clients)).toBe(false);
  });

  it('puts the internet clients behind the edge, as the load balancer or the router', () => {
    expect(planOutsideClients(traceOf('loadbalancer').topology).map((c) => `${c.name} ${c.via}`)).toEqual([
      'office load-balancer',
      'stranger load-balancer',
    ]);
    expect(needsEdge(planOutsideClients(traceOf('external-ip').topology))).toBe(true);
  });

  it('plans nothing outside for a cluster only its pods use', () => {
    expect(planOutsideClients(traceOf('article').topology)).toEqual([]);
  });
});

describe('outsideConnection', () => {
  it('sends a node port to the named node’s own address: no route to add', () => {
    const conn = outsideConnection(traceOf('nodeport'), 0)!;
    expect(conn).toMatchObject({ dstIp: '192.168.0.11', dstPort: 30000, entryNode: 'vm1', route: null });
  });

  it('follows each connection of nodeport-local to its own node', () => {
    const trace = traceOf('nodeport-local');
    expect(outsideConnection(trace, 0)?.entryNode).toBe('vm2');
    expect(outsideConnection(trace, 1)).toMatchObject({ dstIp: '192.168.0.11', entryNode: 'vm1' });
  });

  it('routes the load balancer IP at the edge to the node whose health check answers, for both clients', () => {
    const trace = traceOf('loadbalancer');
    for (const i of [0, 1])
      expect(outsideConnection(trace, i)).toMatchObject({
        dstIp: '203.0.113.10',
        dstPort: 80,
        entryNode: 'vm2',
        route: { in: 'edge', dst: '203.0.113.10', via: '192.168.0.12' },
      });
  });

  it('routes the external IP at the edge to the node the connection names', () => {
    expect(outsideConnection(traceOf('external-ip'), 0)?.route).toEqual({ in: 'edge', dst: '192.168.0.200', via: '192.168.0.11' });
  });

  it('is undefined for a pod’s connection', () => {
    expect(outsideConnection(traceOf('article'), 0)).toBeUndefined();
  });
});

describe('planCluster with a host on the nodes’ network', () => {
  it('gives the stand-in router an address no host uses', () => {
    const base = presetScenario('nodeport')!;
    const laptop = { name: 'laptop', kind: 'host' as const, ip: '192.168.0.254' };
    const scenario = { ...base, cluster: { ...base.cluster, externalClients: [laptop] } };
    const plan = planCluster(scenario, simulate(scenario).topology);
    expect(plan.routerIp).toBe('192.168.0.253');
    expect(plan.outside.map((c) => c.ip)).toEqual(['192.168.0.254']);
  });
});
