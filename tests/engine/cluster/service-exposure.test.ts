import { describe, expect, it } from 'vitest';
import { buildCluster } from '../../../src/cluster/build-cluster';
import { parseScenario, PRESETS, simulate, type ScenarioInput } from '../../../src/index';

type ServiceInput = ScenarioInput['cluster']['services'][number];
const article = PRESETS.article!;
const svc = (patch: Partial<ServiceInput> = {}): ServiceInput => ({
  name: 'svc1',
  selector: { app: 'web' },
  ports: [{ port: 80, targetPort: 8080 }],
  ...patch,
});
const withServices = (...services: ServiceInput[]): ScenarioInput => ({
  ...article,
  cluster: { ...article.cluster, services },
  traffic: [],
});

const errorsOf = (input: ScenarioInput) => {
  const parsed = parseScenario(input);
  return parsed.ok ? [] : parsed.errors;
};
const servicesOf = (input: ScenarioInput) => {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const built = buildCluster(parsed.scenario);
  if (!built.ok) throw new Error('unreachable');
  return built.cluster.services;
};

describe('Service exposure (schema version 2)', () => {
  it('allocates node ports in order from 30000, after the ports Services fix', () => {
    const services = servicesOf(
      withServices(
        svc({ type: 'NodePort' }),
        svc({ name: 'svc2', type: 'NodePort', ports: [{ port: 80, nodePort: 30001 }] }),
        svc({ name: 'svc3', type: 'LoadBalancer', externalTrafficPolicy: 'Local', loadBalancerIPs: ['203.0.113.10'] }),
      ),
    );
    expect(services.map((s) => s.ports[0]!.nodePort)).toEqual([30000, 30001, 30002]);
    // The health check port is taken after the Service's own ports.
    expect(services.map((s) => s.healthCheckNodePort)).toEqual([null, null, 30003]);
  });

  it('gives a ClusterIP Service no node port and the policies their defaults', () => {
    expect(servicesOf(withServices(svc()))[0]).toMatchObject({
      type: 'ClusterIP',
      ports: [{ nodePort: null }],
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      healthCheckNodePort: null,
    });
  });

  it.each([
    [
      'a node port below the range',
      [svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 29999 }] })],
      'cluster.services[0].ports[0].nodePort',
      /outside the node port range 30000-32767/,
    ],
    [
      'a node port above the range',
      [svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 32768 }] })],
      'cluster.services[0].ports[0].nodePort',
      /outside/,
    ],
    [
      'a node port another Service holds',
      [
        svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }),
        svc({ name: 'svc2', type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }),
      ],
      'cluster.services[1].ports[0].nodePort',
      /node port 30080 is already used by Service "svc1"/,
    ],
    [
      'a node port on a ClusterIP Service',
      [svc({ ports: [{ port: 80, nodePort: 30080 }] })],
      'cluster.services[0].ports[0].nodePort',
      /ClusterIP Service has no node port/,
    ],
    [
      'a source range that is not a CIDR',
      [svc({ type: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.0/33'] })],
      'cluster.services[0].loadBalancerSourceRanges[0]',
      /./,
    ],
    ['an external IP that is not an address', [svc({ externalIPs: ['192.0.2.300'] })], 'cluster.services[0].externalIPs[0]', /./],
    [
      'load balancer IPs on a NodePort Service',
      [svc({ type: 'NodePort', loadBalancerIPs: ['203.0.113.10'] })],
      'cluster.services[0].loadBalancerIPs',
      /type LoadBalancer/,
    ],
    [
      'a health check port without policy Local',
      [svc({ type: 'LoadBalancer', healthCheckNodePort: 30500 })],
      'cluster.services[0].healthCheckNodePort',
      /externalTrafficPolicy Local/,
    ],
  ])('rejects %s, naming its path', (_what, services, path, message) => {
    const errors = errorsOf(withServices(...(services as ServiceInput[])));
    expect(errors).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('accepts externalTrafficPolicy Local with no endpoint anywhere: such traffic is dropped, not refused', () => {
    const services = servicesOf(withServices(svc({ type: 'NodePort', selector: { app: 'nothing' }, externalTrafficPolicy: 'Local' })));
    expect(services[0]).toMatchObject({ externalTrafficPolicy: 'Local', ports: [{ nodePort: 30000 }] });
  });

  it('accepts a LoadBalancer under Local with no endpoint anywhere and traffic to it: kube-proxy refuses the packet ("has no endpoints"), the scenario is not refused', () => {
    const input: ScenarioInput = {
      ...withServices(
        svc({ type: 'LoadBalancer', selector: { app: 'nothing' }, externalTrafficPolicy: 'Local', loadBalancerIPs: ['203.0.113.10'] }),
      ),
      cluster: {
        ...withServices().cluster,
        services: [
          svc({ type: 'LoadBalancer', selector: { app: 'nothing' }, externalTrafficPolicy: 'Local', loadBalancerIPs: ['203.0.113.10'] }),
        ],
        externalClients: [{ name: 'office', kind: 'internet', ip: '198.51.100.7', via: 'load-balancer' }],
      },
      traffic: [{ from: 'office', to: 'svc1', port: 80, address: 'load-balancer' }],
    };
    const parsed = parseScenario(input);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    // With no endpoint on any node kube-proxy REJECTs (KUBE-EXTERNAL-SERVICES); "has no local endpoints" drops only where other nodes have one.
    expect(simulate(parsed.scenario).connections.map((c) => c.outcome)).toEqual(['rejected']);
  });

  it('rejects a fixed node port a created Service shares with one that exists, naming the event', () => {
    const input: ScenarioInput = {
      ...withServices(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })),
      events: [
        { at: 1, action: 'create-service', service: svc({ name: 'svc2', type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }) },
      ],
    };
    expect(errorsOf(input)).toContainEqual({
      path: 'events[0].service.ports[0].nodePort',
      message: expect.stringMatching(/30080 is already used/),
    });
  });
});

describe('external clients', () => {
  const withClients = (
    externalClients: NonNullable<ScenarioInput['cluster']['externalClients']>,
    traffic: ScenarioInput['traffic'] = [],
  ) => ({
    ...withServices(svc({ type: 'NodePort' })),
    cluster: { ...withServices(svc({ type: 'NodePort' })).cluster, externalClients },
    traffic,
  });

  it.each([
    ["a node's name", [{ name: 'vm1', kind: 'host' as const, ip: '192.168.0.50' }], [], 'cluster.externalClients[0].name'],
    ["a node's address", [{ name: 'laptop', kind: 'host' as const, ip: '192.168.0.11' }], [], 'cluster.externalClients[0].ip'],
    ['an address in the pod CIDR', [{ name: 'laptop', kind: 'host' as const, ip: '10.244.1.77' }], [], 'cluster.externalClients[0].ip'],
    [
      'a connection to the cluster IP',
      [{ name: 'laptop', kind: 'host' as const, ip: '192.168.0.50' }],
      [{ from: 'laptop', to: 'svc1', port: 80 }],
      'traffic[0].address',
    ],
    [
      'a node port without its node',
      [{ name: 'laptop', kind: 'host' as const, ip: '192.168.0.50' }],
      [{ from: 'laptop', to: 'svc1', port: 80, address: 'node-port' as const }],
      'traffic[0].node',
    ],
  ])('rejects a client with %s, naming its path', (_what, clients, traffic, path) => {
    expect(errorsOf(withClients(clients, traffic)).map((e) => e.path)).toContain(path);
  });
});
