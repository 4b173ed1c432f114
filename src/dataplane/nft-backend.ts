import type { printNftList, syncNftablesRules } from '../kube-proxy/nftables';
import type { evaluateNftHook } from '../nftables';
import type { syncNftKernel } from './sync-nft-kernel';

/**
 * nftables mode's engine: kube-proxy's `table ip kube-proxy` generation, the table compiled
 * for the walk, a packet's evaluation at a hook, and `nft list`'s printing. The walk reaches
 * it only in nftables mode, through the one registered here, so that a program that never
 * runs that mode (the page in iptables mode, before its first frame) need not load it: the
 * CLI, the simulation worker and the tests register `nftablesBackend` at start, the page
 * when it first needs nftables mode.
 */
export interface NftBackend {
  /** kube-proxy's sync on one node in nftables mode. */
  readonly syncKernel: typeof syncNftKernel;
  /** kube-proxy's table from the cluster's Services and EndpointSlices. */
  readonly syncTable: typeof syncNftablesRules;
  /** A packet through a hook's base chains. */
  readonly evaluateHook: typeof evaluateNftHook;
  /** `nft list table ip kube-proxy`. */
  readonly printList: typeof printNftList;
}

let registered: NftBackend | null = null;

/** Makes nftables mode available to `simulate` and the node views; registering again replaces it. */
export function registerNftBackend(backend: NftBackend): void {
  registered = backend;
}

/** Whether nftables mode can run here (its engine is registered). */
export const hasNftBackend = (): boolean => registered !== null;

/** The registered engine; throws, naming the fix, when nothing registered one. */
export function nftBackend(): NftBackend {
  if (registered === null)
    throw new Error("nftables mode's engine is not loaded: call registerNftBackend(nftablesBackend) before simulating in that mode");
  return registered;
}
