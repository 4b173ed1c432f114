/** nftables: rulesets parsed from `nft -f` input or `nft list` output, and a packet's walk through a hook's base chains. */
export { parseNft } from './parse-nft';
export { parseNftRule } from './parse-rule';
export { compileNft, type NftProgram } from './compile';
export { evaluateNftHook, type NftHookOptions, type NftHookResult, type NftChainPass } from './evaluate-hook';
export type { NftNatDecision } from './evaluate-chain';
export type { EvaluatedNftRule, NftLookup, NftRuleVerdict } from './evaluated-rule';
export type { NftPacket, NftPacketContext, NftCtState, NftEnv, NftDynamicSets, NftDynamicElement } from './packet-context';
export { seededNumgen } from './numgen';
export type { NftRuleset, NftRulesetTable, NftRulesetChain, NftRulesetSet, NftRulesetElement, NftRulesetBaseChain } from './ruleset';
export { findNftTable } from './ruleset';
