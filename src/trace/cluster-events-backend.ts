import { applyClusterEvent } from '../cluster/apply-event';
import type { ClusterEventsEngine } from './cluster-events';
import { runClusterEvent } from './control-plane';
import { CONTROL_PLANE_NARRATION } from './narration-control-plane';

/**
 * Control-plane events' engine, for `registerClusterEvents(…)`: imported only by what
 * registers it (the CLI, the worker, the tests at start; the page on demand), so that it
 * stays out of the page's first chunk.
 */
export const clusterEventsBackend: ClusterEventsEngine = {
  apply: applyClusterEvent,
  run: runClusterEvent,
  narration: CONTROL_PLANE_NARRATION,
};
