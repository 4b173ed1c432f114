import { describe, expect, it } from 'vitest';
import { parseScenario, PRESET_NAMES, PRESETS, presetScenario, simulate, type ScenarioInput } from '../../../src/index';
import { withScenarioDefaults } from '../../../src/scenario/scenario-defaults';

/** What the validator makes of a scenario; the test fails with its errors when it refuses it. */
function parsed(input: ScenarioInput) {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return result.scenario;
}

// Every optional field set and every default left out somewhere, and every kind of event:
// what the presets do not happen to exercise.
const everyField: ScenarioInput = {
  schemaVersion: 2,
  name: 'every-field',
  seed: 7,
  mode: 'ipvs',
  scheduler: 'sh',
  cluster: {
    clusterCIDR: '10.244.0.0/16',
    nodes: [{ name: 'vm1', ip: '192.168.0.1', podCIDR: '10.244.1.0/24' }],
    pods: [
      { name: 'a', node: 'vm1', labels: { app: 'web' }, ip: '10.244.1.9', ports: [{ name: 'http', containerPort: 8080 }] },
      { name: 'b', namespace: 'team', node: 'vm1', ready: false, ports: [{ containerPort: 53, protocol: 'UDP' }] },
    ],
    services: [
      {
        name: 'svc1',
        selector: { app: 'web' },
        clusterIP: '10.96.0.50',
        ports: [{ port: 80, targetPort: 'http', nodePort: 30080 }],
        sessionAffinity: 'ClientIP',
        type: 'LoadBalancer',
        externalIPs: ['192.0.2.10'],
        loadBalancerIPs: ['203.0.113.10'],
        loadBalancerSourceRanges: ['198.51.100.0/24'],
        externalTrafficPolicy: 'Local',
        healthCheckNodePort: 30500,
      },
      {
        name: 'svc2',
        namespace: 'team',
        selector: {},
        ports: [{ name: 'dns', port: 53, protocol: 'UDP' }],
        sessionAffinityTimeoutSeconds: 60,
        internalTrafficPolicy: 'Local',
      },
    ],
    externalClients: [
      { name: 'laptop', kind: 'internet', ip: '198.51.100.7', via: 'load-balancer' },
      { name: 'desk', kind: 'host', ip: '192.168.0.99' },
    ],
  },
  traffic: [
    { from: 'a', to: 'svc1', port: 80, at: 0 },
    { from: 'vm1', to: 'team/svc2', port: 53, protocol: 'UDP' },
    { from: 'laptop', to: 'svc1', port: 80, address: 'load-balancer', node: 'vm1', ip: '203.0.113.10' },
  ],
  events: [
    { at: 1, action: 'set-not-ready', pod: 'a' },
    { at: 2, action: 'set-ready', pod: 'a' },
    { at: 3, action: 'terminate-pod', pod: 'a' },
    { at: 4, action: 'delete-pod', pod: 'a' },
    { at: 5, action: 'create-pod', pod: { name: 'a', node: 'vm1', labels: { app: 'web' } } },
    { at: 6, action: 'delete-service', service: 'svc1' },
    { at: 7, action: 'create-service', service: { name: 'svc1', selector: { app: 'web' }, ports: [{ port: 80 }] } },
  ],
};

describe('withScenarioDefaults', () => {
  it.each(PRESET_NAMES.map((name) => [name]))('gives preset %s exactly as the validator does, which accepts it', (name) => {
    const validated = parsed(PRESETS[name]!);
    expect(presetScenario(name)).toStrictEqual(validated);
    // The same JSON, key order included: a download or a link of a preset is the same text.
    expect(JSON.stringify(presetScenario(name))).toBe(JSON.stringify(validated));
  });

  it('fills every default and keeps every optional field as the validator does', () => {
    const validated = parsed(everyField);
    expect(withScenarioDefaults(everyField)).toStrictEqual(validated);
    expect(JSON.stringify(withScenarioDefaults(everyField))).toBe(JSON.stringify(validated));
  });

  it('gives the same trace as the validated scenario', () => {
    expect(simulate(withScenarioDefaults(everyField))).toStrictEqual(simulate(parsed(everyField)));
  });

  it('copies the input, so freezing a preset scenario leaves PRESETS as written', () => {
    const scenario = withScenarioDefaults(PRESETS.article!);
    expect(scenario.cluster.pods[0]!.labels).not.toBe(PRESETS.article!.cluster.pods[0]!.labels);
    expect(scenario.cluster.services[0]!.selector).not.toBe(PRESETS.article!.cluster.services[0]!.selector);
  });
});
