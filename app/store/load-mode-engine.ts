import { hasModeEngine, registerModeEngine, type ProxyMode } from '../../src/index';

const pending = new Map<ProxyMode, Promise<void>>();

/** A mode's engine chunk, registered once loaded. */
const importers: Record<Exclude<ProxyMode, 'iptables'>, () => Promise<void>> = {
  ipvs: () => import('../../src/dataplane/ipvs-backend').then(({ ipvsBackend }) => registerModeEngine('ipvs', ipvsBackend)),
  nftables: () =>
    import('../../src/dataplane/nftables-backend').then(({ nftablesBackend }) => registerModeEngine('nftables', nftablesBackend)),
};

/**
 * Loads a kube-proxy mode's engine (IPVS's sync and schedulers, nftables' table and its
 * evaluation) once and registers it: the page's first chunk has iptables mode's only
 * (bench:load), so the default page never fetches the others. A failed load is forgotten,
 * so the next call tries again.
 */
export function loadModeEngine(mode: ProxyMode): Promise<void> {
  if (mode === 'iptables' || hasModeEngine(mode)) return Promise.resolve();
  let load = pending.get(mode);
  if (!load) {
    load = importers[mode]().catch((error: unknown) => {
      pending.delete(mode);
      throw error;
    });
    pending.set(mode, load);
  }
  return load;
}

/** Whether simulating in `mode` needs an engine this thread has not loaded yet. */
export const modeEngineMissing = (mode: ProxyMode): boolean => !hasModeEngine(mode);
