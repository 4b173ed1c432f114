import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  syncDependsOnNode,
  syncProxyRules,
  TEST_PROXIER_CONFIG,
  type EndpointSliceInput,
  type ProxierConfig,
  type ServiceInput,
} from '../../../src/kube-proxy';
import { propertyParams } from '../../fast-check-params';

const NODE_A: ProxierConfig = { ...TEST_PROXIER_CONFIG, nodeName: 'node-a', nodeIP: '192.168.0.2', nodeZone: 'zone-a' };
const NODE_B: ProxierConfig = { ...TEST_PROXIER_CONFIG, nodeName: 'node-b', nodeIP: '192.168.0.3', nodeZone: 'zone-b' };

/** A Service with any of the features that could make rules node-specific, each drawn at random. */
const service = (i: number) =>
  fc
    .record({
      type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer') as fc.Arbitrary<ServiceInput['type']>,
      internalTrafficPolicy: fc.constantFrom('Cluster', 'Local', undefined),
      externalTrafficPolicy: fc.constantFrom('Cluster', 'Local', undefined),
      loadBalancerSourceRanges: fc.constantFrom(undefined, ['192.168.0.2/32'], ['203.0.113.0/24']),
      sessionAffinity: fc.constantFrom('None', 'ClientIP') as fc.Arbitrary<'None' | 'ClientIP'>,
    })
    .map((f): ServiceInput => ({
      namespace: 'ns',
      name: `svc${i}`,
      clusterIP: `172.30.0.${i + 1}`,
      ports: [{ name: 'p', port: 80, protocol: 'TCP', nodePort: 30000 + i }],
      ...(f.type === 'LoadBalancer' ? { loadBalancerIngress: [{ ip: `203.0.113.${i + 1}` }] } : {}),
      ...Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)),
    }));

/** Its endpoints on either node, ready or terminating; hints for a zone or a node on all of them, or on none. */
const slice = (i: number) =>
  fc
    .tuple(
      fc.array(fc.record({ node: fc.constantFrom('node-a', 'node-b'), ready: fc.boolean(), side: fc.constantFrom('a', 'b') }), {
        minLength: 1,
        maxLength: 3,
      }),
      fc.constantFrom('none', 'zones', 'nodes'),
    )
    .map(([eps, kind]) =>
      eps.map(({ side, ...e }) => ({
        ...e,
        hints:
          kind === 'zones' ? { forZones: [{ name: `zone-${side}` }] } : kind === 'nodes' ? { forNodes: [{ name: `node-${side}` }] } : null,
      })),
    )
    .map((eps): EndpointSliceInput => ({
      namespace: 'ns',
      serviceName: `svc${i}`,
      name: `svc${i}-1`,
      addressType: 'IPv4',
      endpoints: eps.map((e, j) => ({
        addresses: [`10.0.${i}.${j + 1}`],
        nodeName: e.node,
        conditions: { ready: e.ready, serving: true, terminating: !e.ready },
        ...(e.hints ? { hints: e.hints } : {}),
      })),
      ports: [{ name: 'p', port: 8080, protocol: 'TCP' }],
    }));

const cluster = fc
  .integer({ min: 1, max: 2 })
  .chain((n) =>
    fc.tuple(fc.tuple(...Array.from({ length: n }, (_, i) => service(i))), fc.tuple(...Array.from({ length: n }, (_, i) => slice(i)))),
  );

describe('syncDependsOnNode', () => {
  it('is false only when two nodes write the same rules', () => {
    fc.assert(
      fc.property(cluster, ([services, slices]) => {
        if (syncDependsOnNode(NODE_A, services, slices)) return;
        expect(syncProxyRules(NODE_B, services, slices).restore).toBe(syncProxyRules(NODE_A, services, slices).restore);
      }),
      propertyParams(400),
    );
  });

  it('says so for a Local policy whose rules do differ between nodes', () => {
    const services: ServiceInput[] = [
      {
        namespace: 'ns',
        name: 'svc0',
        clusterIP: '172.30.0.1',
        ports: [{ name: 'p', port: 80, protocol: 'TCP' }],
        internalTrafficPolicy: 'Local',
      },
    ];
    const slices: EndpointSliceInput[] = [
      {
        namespace: 'ns',
        serviceName: 'svc0',
        name: 'svc0-1',
        addressType: 'IPv4',
        endpoints: [{ addresses: ['10.0.0.1'], nodeName: 'node-a' }],
        ports: [{ name: 'p', port: 8080, protocol: 'TCP' }],
      },
    ];
    expect(syncDependsOnNode(NODE_A, services, slices)).toBe(true);
    expect(syncProxyRules(NODE_B, services, slices).restore).not.toBe(syncProxyRules(NODE_A, services, slices).restore);
  });

  it('says so for --nodeport-addresses=primary, whose jump names the node IP', () => {
    const services: ServiceInput[] = [
      {
        namespace: 'ns',
        name: 'svc0',
        type: 'NodePort',
        clusterIP: '172.30.0.1',
        ports: [{ name: 'p', port: 80, protocol: 'TCP', nodePort: 30080 }],
      },
    ];
    const primary = (c: ProxierConfig): ProxierConfig => ({ ...c, nodePortAddresses: ['primary'] });
    expect(syncDependsOnNode(primary(NODE_A), services, [])).toBe(true);
    expect(syncProxyRules(primary(NODE_B), services, []).restore).not.toBe(syncProxyRules(primary(NODE_A), services, []).restore);
  });

  it('is false for plain ClusterIP Services, as every scenario of this simulator has', () => {
    const services: ServiceInput[] = [
      { namespace: 'ns', name: 'svc0', clusterIP: '172.30.0.1', ports: [{ name: 'p', port: 80, protocol: 'TCP' }] },
    ];
    expect(syncDependsOnNode(NODE_A, services, [])).toBe(false);
  });
});
