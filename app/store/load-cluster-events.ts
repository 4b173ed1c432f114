import { hasClusterEvents, PRESETS, registerClusterEvents } from '../../src/index';

let pending: Promise<void> | null = null;

/**
 * Loads control-plane events' engine (an event applied, kube-proxy's resync, those steps'
 * sentences) once and registers it: the page's first chunk leaves it out (bench:load), so a
 * page that never opens a scenario with events never fetches it. A failed load is forgotten,
 * so the next call tries again.
 */
export function loadClusterEvents(): Promise<void> {
  if (hasClusterEvents()) return Promise.resolve();
  pending ??= import('../../src/trace/cluster-events-backend')
    .then(({ clusterEventsBackend }) => registerClusterEvents(clusterEventsBackend))
    .catch((error: unknown) => {
      pending = null;
      throw error;
    });
  return pending;
}

/** Whether a scenario (its JSON, before validation, or a parsed one) has control-plane events. */
export function hasEvents(input: unknown): boolean {
  return typeof input === 'object' && input !== null && 'events' in input && Array.isArray(input.events) && input.events.length > 0;
}

/** Whether the preset of this name (a URL's `preset=`) has control-plane events. */
export const presetHasEvents = (name: string): boolean => Object.hasOwn(PRESETS, name) && hasEvents(PRESETS[name]);

/** Whether checking or simulating this scenario needs control-plane events' engine, which this thread has not loaded yet. */
export const clusterEventsMissing = (input: unknown): boolean => hasEvents(input) && !hasClusterEvents();
