import type { Scenario } from '../scenario/schema';
import { nodeNftList } from './node-views';
import type { Trace } from './types';

/**
 * `nft list table ip kube-proxy` on a node as it stood at a step of an nftables-mode
 * trace: after the node's last kube-proxy sync up to that step (a scenario's events
 * change the table), or after kube-proxy's first full sync when none came before.
 * Undefined for an unknown node.
 *
 * @example nodeNftListAt(scenario, trace, 5, 'vm1')
 */
export function nodeNftListAt(scenario: Scenario, trace: Trace, stepIndex: number, node: string): string | undefined {
  for (let i = Math.min(stepIndex, trace.steps.length - 1); i >= 0; i--) {
    const step = trace.steps[i]!;
    if (step.kind === 'kube-proxy-sync' && step.node === node && step.rulesDiff?.nft) return step.rulesDiff.nft.after.join('\n');
  }
  return firstSyncList(scenario, node);
}

/** kube-proxy's first sync, per scenario and node: stepping through a big cluster's trace does not rebuild its table at every step. */
const firstSyncs = new WeakMap<Scenario, Map<string, string | undefined>>();

function firstSyncList(scenario: Scenario, node: string): string | undefined {
  let nodes = firstSyncs.get(scenario);
  if (!nodes) firstSyncs.set(scenario, (nodes = new Map()));
  if (!nodes.has(node)) nodes.set(node, nodeNftList(scenario, node));
  return nodes.get(node);
}
