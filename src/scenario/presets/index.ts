import type { Scenario, ScenarioInput } from '../schema';
import { withScenarioDefaults } from '../scenario-defaults';
import { articleCluster } from './article-cluster';
import { podChurnCluster, serviceRecreatedCluster, svc1Spec, svc2Spec, webPod } from './churn-clusters';
import { LAPTOP, LB_CLIENTS, outsideCluster, REMOTE } from './outside-clusters';
import { largeCluster, scaleCluster } from './scale-cluster';

/** Seeds that tell the stories with the default run (asserted in tests/engine/trace/control-plane.test.ts). */
const POD_CHURN_SEED = 10;
const NOT_READY_SEED = 4;

const preset = (
  name: string,
  seed: number,
  cluster: ScenarioInput['cluster'],
  traffic: ScenarioInput['traffic'],
  events?: ScenarioInput['events'],
): ScenarioInput => ({
  schemaVersion: 2,
  name,
  seed,
  mode: 'iptables',
  cluster,
  traffic,
  ...(events ? { events } : {}),
});

const toSvc1 = (from: string) => ({ from, to: 'svc1', port: 80 });

/**
 * The scenarios the app and the CLI offer by name. Seeds are chosen so that
 * the default run shows what the preset is about (the article's connection
 * lands on pod4, as in its GIF; the hairpin preset's pod picks itself).
 */
export const PRESETS: Readonly<Record<string, ScenarioInput>> = {
  /** The article's figures: pod1 on vm1 calls svc1, backed by pod3 and pod4 on vm2. */
  article: preset('article', 1, articleCluster(['pod3', 'pod4']), [toSvc1('pod1')]),
  /** svc1's only endpoint is pod2, on the client's own node. */
  'same-node': preset('same-node', 1, articleCluster(['pod2']), [toSvc1('pod1')]),
  /** svc1's only endpoint is pod4, on the other node. */
  'cross-node': preset('cross-node', 1, articleCluster(['pod4']), [toSvc1('pod1')]),
  /** svc1 selects pod3 and pod4, but neither is ready: kube-proxy REJECTs. */
  'no-endpoints': preset('no-endpoints', 1, articleCluster(['pod3', 'pod4'], {}, ['pod3', 'pod4']), [toSvc1('pod1')]),
  /** pod4 calls its own Service and is picked: masqueraded to the bridge address, hairpinned back. */
  hairpin: preset('hairpin', 1, articleCluster(['pod3', 'pod4']), [toSvc1('pod4')]),
  /** sessionAffinity: ClientIP: pod1's second connection lands on the same pod as the first. */
  'session-affinity': preset('session-affinity', 1, articleCluster(['pod3', 'pod4'], { sessionAffinity: 'ClientIP' }), [
    toSvc1('pod1'),
    toSvc1('pod1'),
  ]),
  /** A process on node vm1 itself (hostNetwork) calls svc1: nat OUTPUT, and masquerade because the node IP is outside the cluster CIDR. */
  'node-to-service': preset('node-to-service', 1, articleCluster(['pod3', 'pod4']), [toSvc1('vm1')]),
  /** Three endpoints: probabilities 0.3333333333, 0.5000000000, then the last rule without one. */
  'three-replicas': preset('three-replicas', 1, articleCluster(['pod2', 'pod3', 'pod4']), [toSvc1('pod1')]),
  /**
   * Pod IPs come and go: pod1 opens a TCP connection and sends a UDP request to svc1,
   * both land on pod4; pod4 is deleted (kube-proxy drops its KUBE-SEP chains on both
   * nodes and deletes the stale UDP conntrack entry, the TCP one stays), then created
   * again with a new IP; pod1's next connection reaches the new pod4.
   */
  'pod-churn': preset(
    'pod-churn',
    POD_CHURN_SEED,
    podChurnCluster(),
    [
      { ...toSvc1('pod1'), at: 0 },
      { from: 'pod1', to: 'svc1', port: 53, protocol: 'UDP', at: 1 },
      { ...toSvc1('pod1'), at: 4 },
    ],
    [
      { at: 2, action: 'delete-pod', pod: 'pod4' },
      { at: 3, action: 'create-pod', pod: webPod('pod4', 'vm2') },
    ],
  ),
  /**
   * The article's open question: svc1 (cluster IP allocated) and svc2 (cluster IP fixed)
   * are deleted and created again; svc1 comes back with a new IP, svc2 with the same.
   */
  'service-recreated': preset(
    'service-recreated',
    1,
    serviceRecreatedCluster(),
    [
      { ...toSvc1('pod1'), at: 0 },
      { ...toSvc1('pod1'), at: 3 },
      { from: 'pod1', to: 'svc2', port: 80, at: 4 },
    ],
    [
      { at: 1, action: 'delete-service', service: 'svc1' },
      { at: 1, action: 'delete-service', service: 'svc2' },
      { at: 2, action: 'create-service', service: svc1Spec },
      { at: 2, action: 'create-service', service: svc2Spec },
    ],
  ),
  /** pod4's readiness probe fails: it leaves svc1's endpoints, KUBE-SVC keeps one rule without probability; then it is ready again. */
  'not-ready': preset(
    'not-ready',
    NOT_READY_SEED,
    articleCluster(['pod3', 'pod4']),
    [
      { ...toSvc1('pod1'), at: 0 },
      { ...toSvc1('pod1'), at: 2 },
      { ...toSvc1('pod1'), at: 4 },
    ],
    [
      { at: 1, action: 'set-not-ready', pod: 'pod4' },
      { at: 3, action: 'set-ready', pod: 'pod4' },
    ],
  ),
  /**
   * A laptop on the nodes' network calls svc1 (type NodePort) on vm1's IP and node port; the
   * only endpoint, pod4, is on vm2: vm1 DNATs, masquerades to its own IP, and un-NATs the reply.
   */
  nodeport: preset('nodeport', 1, outsideCluster(['pod4'], { type: 'NodePort' }, [LAPTOP]), [
    { from: 'laptop', to: 'svc1', port: 80, address: 'node-port', node: 'vm1' },
  ]),
  /**
   * externalTrafficPolicy: Local. The laptop calls the node port on vm2, which has the
   * endpoint (the source is kept), then on vm1, which has none: "has no local endpoints", dropped.
   */
  'nodeport-local': preset('nodeport-local', 1, outsideCluster(['pod4'], { type: 'NodePort', externalTrafficPolicy: 'Local' }, [LAPTOP]), [
    { from: 'laptop', to: 'svc1', port: 80, address: 'node-port', node: 'vm2' },
    { from: 'laptop', to: 'svc1', port: 80, address: 'node-port', node: 'vm1' },
  ]),
  /**
   * svc1 is a LoadBalancer with a source range: the cloud's load balancer passes both clients'
   * packets to vm2 (its health check finds pod4 there); KUBE-FW lets the office in and drops the stranger.
   */
  loadbalancer: preset(
    'loadbalancer',
    1,
    outsideCluster(
      ['pod4'],
      {
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        loadBalancerIPs: ['203.0.113.10'],
        loadBalancerSourceRanges: ['203.0.113.0/24'],
      },
      LB_CLIENTS,
    ),
    [
      { from: 'office', to: 'svc1', port: 80, address: 'load-balancer' },
      { from: 'stranger', to: 'svc1', port: 80, address: 'load-balancer' },
    ],
  ),
  /** svc1 has an external IP the router sends to vm1: KUBE-SERVICES matches it like the cluster IP. */
  'external-ip': preset('external-ip', 1, outsideCluster(['pod3', 'pod4'], { externalIPs: ['192.168.0.200'] }, [REMOTE]), [
    { from: 'remote', to: 'svc1', port: 80, address: 'external-ip', node: 'vm1' },
  ]),
  /** 20 nodes, 400 pods, 200 Services: for the layout's zoom and pan and the frame-rate benchmark. */
  scale: preset('scale', 1, scaleCluster().cluster, scaleCluster().traffic),
  /** 100 nodes, 3,000 pods, 1,000 Services: the frame-rate and step-latency benchmark's biggest case. */
  large: preset('large', 1, largeCluster().cluster, largeCluster().traffic),
};

/** The names of the presets, in the order the app lists them. */
export const PRESET_NAMES: readonly string[] = Object.keys(PRESETS);

/**
 * The scenario of a preset (defaults filled in), or undefined for an unknown name. Presets are
 * trusted: a test parses every one (tests/engine/scenario/scenario-defaults.test.ts), so the
 * page opens on one without the schema's validator (zod stays out of the first load).
 */
export function presetScenario(name: string): Scenario | undefined {
  if (!Object.hasOwn(PRESETS, name)) return undefined;
  // Built once per preset: a scenario is never mutated (the app's store freezes it), and the URL
  // writer asks for a preset's seed on every store change.
  let scenario = parsedPresets.get(name);
  if (scenario === undefined) {
    scenario = withScenarioDefaults(PRESETS[name]!);
    parsedPresets.set(name, scenario);
  }
  return scenario;
}

const parsedPresets = new Map<string, Scenario>();
