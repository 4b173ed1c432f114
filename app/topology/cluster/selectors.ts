import type { AppState } from '../../store/types';
import type { Trace } from '../../../src/index';
import { clusterStrings } from '../../i18n/cluster-strings';
import { layoutCluster, type ClusterLayout } from './layout';

const layouts = new WeakMap<Trace, ClusterLayout>();

/**
 * The drawing of a trace's topology in its kube-proxy mode, computed once per
 * trace (the store keeps the trace's identity until the scenario or the mode changes).
 */
export function clusterLayoutOf(trace: Trace): ClusterLayout {
  const cached = layouts.get(trace);
  if (cached) return cached;
  const layout = layoutCluster(trace.topology, trace.mode);
  layouts.set(trace, layout);
  return layout;
}

export const selectClusterLayout = (s: AppState) => clusterLayoutOf(s.trace);
export const selectClusterStrings = (s: AppState) => clusterStrings[s.lang];
/** The connection the current step belongs to: its client, its Service and the endpoint it was sent to. */
export const selectCurrentConnection = (s: AppState) => {
  const step = s.trace.steps[s.cursor.step];
  return step ? (s.trace.connections[step.connection] ?? null) : null;
};
/** The device the current step starts on: the view keeps it in sight. */
export const selectCurrentDevice = (s: AppState) => s.trace.steps[s.cursor.step]?.at ?? null;
