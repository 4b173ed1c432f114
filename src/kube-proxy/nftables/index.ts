/** kube-proxy's nftables mode (v1.29-v1.35 layout): Services + EndpointSlices -> `table ip kube-proxy`. */
export { syncNftablesRules } from './sync-nftables';
export { TEST_NFTABLES_PROXIER_CONFIG, type NftablesProxierConfig } from './config';
export { hashAndTruncate, servicePortChainNameBase, endpointChainNameBase, nftServicePortChains, nftEndpointNames } from './chain-name';
export { printNftTransaction } from './print-transaction';
export { sortNftTransaction } from './sort-transaction';
export type { NftTable, NftChain, NftRule, NftSet, NftElement, NftBaseChainSpec, NftFamily, NftHook } from './table';
export { printNftList } from './print-list';
