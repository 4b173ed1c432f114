import { buildCluster } from '../cluster/build-cluster';
import { modeEngine } from '../dataplane/mode-engines';
import { endpointSliceInputs, nftablesConfigFor, nodeRuleset, serviceInputs, syncNode } from '../dataplane/node-proxier';
import { formatIptablesSave } from '../netfilter';
import { withBuiltinChains } from '../kube-proxy';
import type { Scenario } from '../scenario/schema';
import type { ProxyMode, Trace } from './types';

function clusterOf(scenario: Scenario) {
  const built = buildCluster(scenario);
  if (!built.ok) throw new Error(`invalid scenario: ${built.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return built.cluster;
}

/**
 * The nat and filter tables of one node as `iptables-save` prints them there,
 * after kube-proxy's full sync in the given mode (IPVS mode keeps a small,
 * fixed set of rules). Undefined for an unknown node.
 */
export function nodeIptablesSave(scenario: Scenario, node: string, mode: ProxyMode = scenario.mode): string | undefined {
  const cluster = clusterOf(scenario);
  const target = cluster.nodes.find((n) => n.name === node);
  if (!target) return undefined;
  const restore = mode === 'ipvs' ? ipvsSyncOf(scenario, node)!.iptablesRestore : withBuiltinChains(syncNode(cluster, target).restore);
  return formatIptablesSave(nodeRuleset(restore));
}

/**
 * kube-proxy's table of one node in nftables mode (the v1.29-v1.35 layout), as
 * `nft list table ip kube-proxy` prints it there after a full sync (the kernel prints
 * the engine's text back byte for byte: tests/engine/kube-proxy/nftables). Undefined
 * for an unknown node.
 */
export function nodeNftList(scenario: Scenario, node: string): string | undefined {
  const cluster = clusterOf(scenario);
  const target = cluster.nodes.find((n) => n.name === node);
  if (!target) return undefined;
  const nft = modeEngine('nftables');
  return nft.printList(nft.syncTable(nftablesConfigFor(cluster, target), serviceInputs(cluster), endpointSliceInputs(cluster)));
}

/** `conntrack -L` on a node at the end of a trace (the last step's snapshot). Undefined for an unknown node. */
export function nodeConntrackList(trace: Trace, node: string): readonly string[] | undefined {
  const last = trace.steps[trace.steps.length - 1];
  const table = last?.conntrack.find((c) => c.node === node);
  if (!table) return last ? undefined : [];
  return table.entries.map((e) => e.text);
}

function ipvsSyncOf(scenario: Scenario, node: string) {
  const cluster = clusterOf(scenario);
  const target = cluster.nodes.find((n) => n.name === node);
  if (!target) return undefined;
  return modeEngine('ipvs').sync(cluster, target, scenario.scheduler);
}

/**
 * `ipvsadm -Ln` (or `-Lnc` with `connections`) on a node at the end of an
 * IPVS-mode trace: the node's table after the last step that happened there,
 * or as kube-proxy's sync left it when no packet crossed it. Undefined for an
 * unknown node.
 */
export function nodeIpvsadm(scenario: Scenario, trace: Trace, node: string, connections = false): readonly string[] | undefined {
  const last = [...trace.steps].reverse().find((s) => s.ipvs?.node === node)?.ipvs;
  if (last) return connections ? last.connections : last.table;
  const sync = ipvsSyncOf(scenario, node);
  if (!sync) return undefined;
  return connections ? modeEngine('ipvs').formatConnections(sync.state, 0) : modeEngine('ipvs').formatList(sync.state);
}

/** `ipset list` on a node in IPVS mode (the sets kube-proxy keeps). */
export function nodeIpsetList(scenario: Scenario, node: string): readonly string[] | undefined {
  const sync = ipvsSyncOf(scenario, node);
  return sync ? modeEngine('ipvs').formatIpsets(sync.ipsets) : undefined;
}

/** `ip addr show kube-ipvs0` on a node in IPVS mode: every ClusterIP bound as /32. */
export function nodeKubeIpvs0(scenario: Scenario, node: string): readonly string[] | undefined {
  const sync = ipvsSyncOf(scenario, node);
  // Interface 3 after lo and eth0 (cbr0 and the veths come later in real life; the index is illustrative).
  return sync ? modeEngine('ipvs').formatKubeIpvs0(sync.dummyAddresses, { index: 3 }) : undefined;
}
