import type { AppState } from '../../store/types';
import { topologyAt, type Topology, type Trace } from '../../../src/index';
import { clusterStrings } from '../../i18n/cluster-strings';
import { layoutCluster, type ClusterLayout } from './layout';

const layouts = new WeakMap<Topology, ClusterLayout>();

/**
 * The drawing of the cluster as it was at a step, in the trace's kube-proxy
 * mode: computed once per epoch of the trace (events change which pods and
 * Services exist and their addresses), so stepping within an epoch reuses it.
 */
export function clusterLayoutOf(trace: Trace, step = 0): ClusterLayout {
  const topology = topologyAt(trace, step);
  const cached = layouts.get(topology);
  if (cached) return cached;
  const layout = layoutCluster(topology, trace.mode);
  layouts.set(topology, layout);
  return layout;
}

export const selectClusterLayout = (s: AppState) => clusterLayoutOf(s.trace, s.cursor.step);
export const selectClusterStrings = (s: AppState) => clusterStrings[s.lang];
/** The connection the current step belongs to: its client, its Service and the endpoint it was sent to. */
export const selectCurrentConnection = (s: AppState) => {
  const step = s.trace.steps[s.cursor.step];
  return step ? (s.trace.connections[step.connection] ?? null) : null;
};
