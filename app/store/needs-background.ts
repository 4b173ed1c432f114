import type { ProxyMode } from '../../src/index';

/** Pods plus Services from which a scenario is simulated off the main thread (a few hundred ms and more). */
export const BACKGROUND_MIN_OBJECTS = 1000;
/** In IPVS mode kube-proxy syncs every node separately: Services x nodes from which that is too long for a frame. */
export const BACKGROUND_MIN_IPVS_SYNC = 20_000;

/** Characters of scenario JSON text (a file) from which it is read, not only simulated, off the main thread. */
export const BACKGROUND_MIN_JSON_CHARS = 100_000;

/** Whether a file's JSON text is long enough to be parsed and checked in the background too (1,000 Services are ~100 KB). */
export function textNeedsBackground(text: string): boolean {
  return text.length >= BACKGROUND_MIN_JSON_CHARS;
}

const lengthOf = (value: unknown) => (Array.isArray(value) ? value.length : 0);

/**
 * Whether a scenario is big enough to be simulated in the background, read from
 * its JSON before validation (a bad shape counts as small: it fails fast, here).
 * The presets up to `scale` (200 Services, 400 pods, 20 nodes) stay on the main
 * thread, so their first frame never waits for a worker; `large` (1,000 Services,
 * 3,000 pods: about 1.5 s to parse and simulate, far more in IPVS mode) goes to the
 * worker, and the page paints the article meanwhile.
 *
 * @example needsBackground({ cluster: { services: new Array(1000), pods: [] } }, 'iptables') // true
 */
export function needsBackground(input: unknown, mode: ProxyMode): boolean {
  if (typeof input !== 'object' || input === null || !('cluster' in input)) return false;
  const cluster: unknown = input.cluster;
  if (typeof cluster !== 'object' || cluster === null) return false;
  const c = cluster as Record<string, unknown>;
  const services = lengthOf(c.services);
  if (services + lengthOf(c.pods) >= BACKGROUND_MIN_OBJECTS) return true;
  return mode === 'ipvs' && services * lengthOf(c.nodes) >= BACKGROUND_MIN_IPVS_SYNC;
}
