import { hasNftBackend, registerNftBackend, type ProxyMode } from '../../src/index';

let pending: Promise<void> | null = null;

/**
 * Loads nftables mode's engine (kube-proxy's table, its evaluation, `nft list`) once and
 * registers it: the page's first chunk leaves it out (bench:load), so the default page, in
 * iptables mode, never fetches it. A failed load is forgotten, so the next call tries again.
 */
export function loadNftEngine(): Promise<void> {
  if (hasNftBackend()) return Promise.resolve();
  pending ??= import('../../src/dataplane/nftables-backend').then(
    ({ nftablesBackend }) => registerNftBackend(nftablesBackend),
    (error: unknown) => {
      pending = null;
      throw error;
    },
  );
  return pending;
}

/** Whether simulating in `mode` needs an engine this thread has not loaded yet (nftables mode's, before `loadNftEngine`). */
export const modeEngineMissing = (mode: ProxyMode): boolean => mode === 'nftables' && !hasNftBackend();
