import type { Cluster, ClusterNode } from '../cluster/model';
import type { ConntrackTable, ConntrackTimeouts } from '../conntrack';
import type { Rng } from '../net/rng';
import type { RecentLists, Ruleset } from '../netfilter';

/** One node's kernel state while the walk runs: its rules, its conntrack table, its `recent` lists. */
export interface NodeKernel {
  readonly node: ClusterNode;
  readonly ruleset: Ruleset;
  conntrack: ConntrackTable;
  recent: RecentLists;
}

/**
 * Everything the walk reads and changes. Internal to `simulate`: the state is
 * replaced step by step while one trace is built, and never escapes.
 */
export interface World {
  readonly cluster: Cluster;
  readonly kernels: ReadonlyMap<string, NodeKernel>;
  readonly rng: Rng;
  readonly timeouts: ConntrackTimeouts;
  now: number;
}

export function kernelOf(world: World, node: string): NodeKernel {
  const kernel = world.kernels.get(node);
  if (!kernel) throw new Error(`no node ${node}`);
  return kernel;
}
