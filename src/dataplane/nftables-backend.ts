import { printNftList, syncNftablesRules } from '../kube-proxy/nftables';
import { evaluateNftHook } from '../nftables';
import type { NftBackend } from './nft-backend';
import { syncNftKernel } from './sync-nft-kernel';

/**
 * nftables mode's engine, for `registerNftBackend`: imported only by what registers it (the
 * CLI, the simulation worker, the tests; the page on demand), so that it stays out of the
 * page's first chunk.
 */
export const nftablesBackend: NftBackend = {
  syncKernel: syncNftKernel,
  syncTable: syncNftablesRules,
  evaluateHook: evaluateNftHook,
  printList: printNftList,
};
