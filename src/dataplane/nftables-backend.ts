import { printNftList, syncNftablesRules } from '../kube-proxy/nftables';
import { evaluateNftHook } from '../nftables';
import { NFTABLES_NARRATION } from '../trace/narration-nftables';
import type { NftBackend } from './mode-engines';
import { nftDnatNote, nftFilterNote, nftNoServiceNote, nftPostroutingNote, nftTrackedNote } from './nft-notes';
import { runNftHook } from './run-nft-hook';
import { syncNftKernel } from './sync-nft-kernel';

/**
 * nftables mode's engine, for `registerModeEngine('nftables', …)`: imported only by what
 * registers it (registerEveryModeEngine; the page on demand), so that it stays out of the
 * page's first chunk.
 */
export const nftablesBackend: NftBackend = {
  syncKernel: syncNftKernel,
  syncTable: syncNftablesRules,
  evaluateHook: evaluateNftHook,
  atHook: runNftHook,
  printList: printNftList,
  notes: {
    filter: nftFilterNote,
    noService: nftNoServiceNote,
    postrouting: nftPostroutingNote,
    tracked: nftTrackedNote,
    dnat: nftDnatNote,
  },
  narration: NFTABLES_NARRATION,
};
