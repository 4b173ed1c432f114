import type { applyClusterEvent } from '../cluster/apply-event';
import type { runClusterEvent } from './control-plane';
import type { CONTROL_PLANE_NARRATION } from './narration-control-plane';

/**
 * Control-plane events' engine: the API server applying an event (a pod deleted, a Service
 * created, readiness flipped), kube-proxy's resync on every node after it, and the sentences
 * of those steps in each language.
 */
export interface ClusterEventsEngine {
  /** An event applied to the cluster's objects: what `buildCluster` checks the timeline with. */
  readonly apply: typeof applyClusterEvent;
  /** An event run through the world: the api-event step and one kube-proxy-sync step per node. */
  readonly run: typeof runClusterEvent;
  /** Every control-plane note's sentence, in English and Chinese. */
  readonly narration: typeof CONTROL_PLANE_NARRATION;
}

/**
 * Scenarios with `events` reach their engine only through the one registered here, so that
 * a program that never runs one (the page on the article, before its first frame) need not
 * load it: the CLI, the simulation worker and the tests register it at start
 * (`registerClusterEvents(clusterEventsBackend)`), the page when it first opens a scenario
 * with events.
 */
let registered: ClusterEventsEngine | undefined;

/** Makes control-plane events available to `buildCluster`, `simulate` and `narrate`; registering again replaces the engine. */
export function registerClusterEvents(engine: ClusterEventsEngine): void {
  registered = engine;
}

/** Whether a scenario with control-plane events can be checked, simulated and narrated here. */
export const hasClusterEvents = (): boolean => registered !== undefined;

/** The registered control-plane events' engine; throws, naming the fix, when nothing registered one. */
export function clusterEvents(): ClusterEventsEngine {
  if (registered === undefined)
    throw new Error(
      "the cluster events' engine is not loaded: call registerClusterEvents(clusterEventsBackend) before using a scenario with events",
    );
  return registered;
}

/** Whether a note is a control-plane step's (an api-event's `event.*`, a kube-proxy-sync's `kube-proxy-sync.*`): its sentence is the events engine's. */
export const isControlPlaneNote = (id: string): boolean => id.startsWith('event.') || id.startsWith('kube-proxy-sync.');
