import { parseScenario } from '../parse-scenario';
import type { Scenario, ScenarioInput } from '../schema';
import { articleCluster } from './article-cluster';
import { scaleCluster } from './scale-cluster';

const preset = (name: string, seed: number, cluster: ScenarioInput['cluster'], traffic: ScenarioInput['traffic']): ScenarioInput => ({
  schemaVersion: 1,
  name,
  seed,
  mode: 'iptables',
  cluster,
  traffic,
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
  /** 20 nodes, 400 pods, 200 Services: for the layout's zoom and pan and the frame-rate benchmark. */
  scale: preset('scale', 1, scaleCluster().cluster, scaleCluster().traffic),
};

/** The names of the presets, in the order the app lists them. */
export const PRESET_NAMES: readonly string[] = Object.keys(PRESETS);

/** The validated scenario of a preset, or undefined for an unknown name. */
export function presetScenario(name: string): Scenario | undefined {
  if (!Object.hasOwn(PRESETS, name)) return undefined;
  const parsed = parseScenario(PRESETS[name]);
  if (!parsed.ok) throw new Error(`preset ${name} is invalid: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return parsed.scenario;
}
