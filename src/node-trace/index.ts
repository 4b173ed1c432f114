/**
 * node-trace: a node's own `iptables-save` output (kube-proxy's rules among CNI and Docker
 * chains, with counters, from iptables-legacy or iptables-nft) or `nft list ruleset` output
 * (every table of every family) read tolerantly, and one packet followed through it hook
 * by hook, each rule with its line in the pasted text.
 */
export type {
  DumpKind,
  DumpNote,
  DumpNoteCode,
  DumpNoteParams,
  NftChainOf,
  NodeFacts,
  NodeOrigin,
  NodePacket,
  NodePacketSpec,
  NodeRoute,
  NodeTraceInput,
  NodeTraceResult,
  TablePass,
  TracedRule,
} from './node-trace-types';
export { readNodeDump, type NodeDump, type ReadNodeDumpOptions } from './read-node-dump';
export type { NftDump } from './read-nft-dump';
export type { NftDumpTable } from './nft-dump-table';
export { traceNodeDump } from './trace-node-dump';
export { noteText } from './note-text';
export { detectDumpKind } from './detect-dump-kind';
export { parseIpsetSave, type SavedIpset } from './parse-ipset-save';
