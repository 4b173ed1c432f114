import type { NftBaseChainSpec, NftChain, NftElement, NftSet, NftTable } from '../kube-proxy/nftables/table';

/*
 * What the kernel holds after `nft -f` (or what `nft list` shows): tables of chains, sets
 * and maps. The shapes extend the table kube-proxy's generator builds
 * (src/kube-proxy/nftables/table.ts), so a parsed table prints back with its printers.
 */

/** A base chain: its policy too (kube-proxy's are all `accept`). */
export interface NftRulesetBaseChain extends NftBaseChainSpec {
  readonly policy: 'accept' | 'drop';
}

export interface NftRulesetChain extends NftChain {
  readonly base?: NftRulesetBaseChain;
}

/** An element; one added with a timeout, or listed with `expires`, carries them in seconds. */
export interface NftRulesetElement extends NftElement {
  readonly timeoutSeconds?: number;
  readonly expiresSeconds?: number;
}

export interface NftRulesetSet extends NftSet {
  readonly elements: readonly NftRulesetElement[];
}

export interface NftRulesetTable extends NftTable {
  readonly chains: readonly NftRulesetChain[];
  readonly sets: readonly NftRulesetSet[];
}

/** Every table, in the order they were created. */
export interface NftRuleset {
  readonly tables: readonly NftRulesetTable[];
}

export function findNftTable(ruleset: NftRuleset, family: string, name: string): NftRulesetTable | undefined {
  return ruleset.tables.find((t) => t.family === family && t.name === name);
}
