import type { Cluster, ClusterNode } from '../cluster/model';
import { emptyBuiltinTables } from '../kube-proxy';
import { printNftList, syncNftablesRules, type NftTable } from '../kube-proxy/nftables';
import type { Ruleset } from '../netfilter';
import { compileNft, parseNft, type NftProgram } from '../nftables';
import { endpointSliceInputs, nftablesConfigFor, serviceInputs } from './node-proxier';

/** kube-proxy's nftables table on a node: as it wrote it (for `nft list`), and compiled for the walk. */
export interface NodeNft {
  readonly table: NftTable;
  readonly program: NftProgram;
}

/** Compiled programs by listing: nodes and resyncs that write the same table share one. */
const programs = new Map<string, NftProgram>();
const MAX_PROGRAMS = 64;

/**
 * The table as the kernel holds it after kube-proxy's `nft -f`: its `nft list table ip
 * kube-proxy` text (which the kernel prints back byte for byte, tests/engine/kube-proxy/nftables),
 * read by the nftables parser and compiled, so the walk runs and reports each rule as
 * `nft list` prints it (`meta mark & 0x00004000 == 0x00000000 return`).
 */
function load(table: NftTable): NftProgram {
  const text = printNftList(table);
  const cached = programs.get(text);
  if (cached) return cached;
  const parsed = parseNft(text);
  if (!parsed.ok) throw new Error(`the nftables parser rejects kube-proxy's table as nft lists it: ${parsed.error}`);
  const compiled = compileNft(parsed.value);
  if (!compiled.ok) throw new Error(`kube-proxy wrote an nftables table that does not load: ${compiled.error}`);
  if (programs.size >= MAX_PROGRAMS) programs.clear();
  programs.set(text, compiled.value);
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
