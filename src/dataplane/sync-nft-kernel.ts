import type { Cluster, ClusterNode } from '../cluster/model';
import { emptyBuiltinTables } from '../kube-proxy';
import { syncNftablesRules, type NftTable } from '../kube-proxy/nftables';
import { listRuleText } from '../kube-proxy/nftables/list-rule-text';
import type { Ruleset } from '../netfilter';
import { compileNft, type NftProgram, type NftRuleset, type NftRulesetChain } from '../nftables';
import { endpointSliceInputs, nftablesConfigFor, serviceInputs } from './node-proxier';

/** kube-proxy's nftables table on a node: as it wrote it (for `nft list`), and compiled for the walk. */
export interface NodeNft {
  readonly table: NftTable;
  readonly program: NftProgram;
}

/**
 * The table as the kernel holds it after kube-proxy's `nft -f`: its chains (kube-proxy's
 * base chains all have policy accept), sets and maps, each rule as `nft list` prints it back
 * (`meta mark & 0x00004000 == 0x00000000 return`), so the walk reports the rules in the form
 * `nft list table ip kube-proxy` shows. Built from the table itself rather than by parsing
 * its listing: the same ruleset (tests/engine/dataplane/sync-nft-kernel.test.ts), without
 * reading 10,000 Services' text back.
 */
export function kernelNftRuleset(table: NftTable): NftRuleset {
  const chains = table.chains.map(({ base, ...c }): NftRulesetChain => ({
    ...c,
    ...(base !== undefined ? { base: { ...base, policy: 'accept' as const } } : {}),
    rules: c.rules.map((r) => ({ ...r, text: listRuleText(r.text) })),
  }));
  return { tables: [{ ...table, chains }] };
}

function load(table: NftTable): NftProgram {
  const compiled = compileNft(kernelNftRuleset(table));
  if (!compiled.ok) throw new Error(`kube-proxy wrote an nftables table that does not load: ${compiled.error}`);
  return compiled.value;
}

/**
 * kube-proxy's sync on one node in nftables mode: `table ip kube-proxy` from the cluster as
 * it stands (syncNftablesRules), beside iptables tables that hold only their built-in
 * chains: kube-proxy in this mode writes no iptables rule.
 */
export function syncNftKernel(cluster: Cluster, node: ClusterNode, parse: (restore: string, key: string) => Ruleset) {
  const table = syncNftablesRules(nftablesConfigFor(cluster, node), serviceInputs(cluster), endpointSliceInputs(cluster));
  const empty = emptyBuiltinTables();
  return {
    ruleset: parse(empty, empty),
    ipvs: null,
    ipsets: [],
    ipvsAddresses: new Set<string>(),
    nft: { table, program: load(table) },
  };
}
