import { buildCluster } from '../cluster/build-cluster';
import { nodeRuleset, syncNode } from '../dataplane/node-proxier';
import { formatIptablesSave } from '../netfilter';
import { withBuiltinChains } from '../kube-proxy';
import type { Scenario } from '../scenario/schema';
import type { Trace } from './types';

function clusterOf(scenario: Scenario) {
  const built = buildCluster(scenario);
  if (!built.ok) throw new Error(`invalid scenario: ${built.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return built.cluster;
}

/**
 * The nat and filter tables of one node as `iptables-save` prints them there,
 * after kube-proxy's full sync. Undefined for an unknown node.
 */
export function nodeIptablesSave(scenario: Scenario, node: string): string | undefined {
  const cluster = clusterOf(scenario);
  const target = cluster.nodes.find((n) => n.name === node);
  return target ? formatIptablesSave(nodeRuleset(withBuiltinChains(syncNode(cluster, target).restore))) : undefined;
}

/** `conntrack -L` on a node at the end of a trace (the last step's snapshot). Undefined for an unknown node. */
export function nodeConntrackList(trace: Trace, node: string): readonly string[] | undefined {
  const last = trace.steps[trace.steps.length - 1];
  const table = last?.conntrack.find((c) => c.node === node);
  if (!table) return last ? undefined : [];
  return table.entries.map((e) => e.text);
}
