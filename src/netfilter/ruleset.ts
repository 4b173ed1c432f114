import type { TableName } from './evaluated-rule';
import type { Match } from './match-types';
import type { Target } from './target-types';

export type { Match } from './match-types';
export type { Target } from './target-types';

/** A built-in chain's policy; user chains have none (falling off them returns to the caller). */
export type ChainPolicy = 'ACCEPT' | 'DROP';

/** The netfilter hooks, in the order iptables-save lists a table's built-in chains. */
export const HOOK_ORDER = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'] as const;
export type HookName = (typeof HOOK_ORDER)[number];

/**
 * Which built-in chains each table registers (iptable_raw.c, iptable_mangle.c,
 * iptable_nat.c, iptable_filter.c): a table only has chains for the hooks it hooks into.
 */
export const BUILTIN_CHAINS: Readonly<Record<TableName, readonly HookName[]>> = {
  raw: ['PREROUTING', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
};

export const TABLE_NAMES: readonly TableName[] = ['raw', 'mangle', 'nat', 'filter'];

/**
 * `-s`/`-d`: an address block with the numbers precomputed at parse time so that
 * matching is two integer operations. `text` is how the rule gave it ("10.0.0.0/8",
 * "172.30.0.41").
 */
export interface AddressMatch {
  readonly negated: boolean;
  /** IPv4 network and netmask as unsigned numbers; both 0 in an ip6tables rule (see network6). */
  readonly network: number;
  readonly mask: number;
  /** ip6tables: the block's network (host bits cleared); null in an iptables (IPv4) rule. */
  readonly network6: bigint | null;
  readonly prefix: number;
  readonly text: string;
  /** How iptables-save prints it ("! -s 10.0.0.0/8"), kept for the evaluator's no-match detail. */
  readonly saveText: string;
}

/** `-i`/`-o`: an interface name; a trailing `+` matches every name with that prefix. */
export interface InterfaceMatch {
  readonly negated: boolean;
  /** The name without a trailing `+`. */
  readonly name: string;
  readonly wildcard: boolean;
}

/** `-p`: the protocol name as iptables prints it (lower case). */
export interface ProtocolMatch {
  readonly negated: boolean;
  readonly name: 'tcp' | 'udp' | 'sctp' | 'icmp' | 'all';
}

/** One `-A CHAIN ...` rule, parsed once so that evaluating it never re-reads text. */
export interface Rule {
  readonly chain: string;
  readonly source: AddressMatch | null;
  readonly destination: AddressMatch | null;
  readonly inInterface: InterfaceMatch | null;
  readonly outInterface: InterfaceMatch | null;
  readonly protocol: ProtocolMatch | null;
  /** The `-m` matches in the order the rule gave them. */
  readonly matches: readonly Match[];
  readonly target: Target;
  /** The line as given to iptables-restore. */
  readonly restoreText: string;
  // How iptables-save prints it back is `ruleSaveText(rule)`, formatted when first asked for:
  // a 320,000-rule ruleset shows a few of its rules, and keeping every one's text cost a
  // sixth of parsing it (and ~50 MB the garbage collector had to copy).
}

export interface Chain {
  readonly name: string;
  /** ACCEPT/DROP for built-in chains, null for user chains. */
  readonly policy: ChainPolicy | null;
  readonly rules: readonly Rule[];
}

/** A `:CHAIN POLICY [packets:bytes]` line as the restore input wrote it. */
export interface ChainDeclaration {
  readonly name: string;
  /** "-" for user chains (and for built-ins in kube-proxy's test dumps), else the policy. */
  readonly policy: '-' | ChainPolicy;
  readonly counters: string;
}

export interface Table {
  readonly name: TableName;
  /** Live chains: the built-ins in hook order, then user chains in declaration order. */
  readonly chains: readonly Chain[];
  /**
   * chain name -> index into `chains`, built once at parse time so a lookup is O(1)
   * even with 100,000 chains. A Map, not a plain object: an object's keys must be
   * interned strings, and interning 110,000 freshly read chain names cost a tenth of the
   * parse (a Map, like the rest of a Table, still copies to a worker by structured clone).
   */
  readonly chainIndex: ReadonlyMap<string, number>;
  /** What the restore input declared, in order (including chains it then deleted). */
  readonly declarations: readonly ChainDeclaration[];
  /** Every rule in input order (restore input interleaves chains; the printer keeps it). */
  readonly ruleOrder: readonly Rule[];
  /** Chains removed with `-X`, in input order. */
  readonly deleted: readonly string[];
}

/** The parsed tables, in the order the input gave them. */
export interface Ruleset {
  readonly tables: readonly Table[];
}

/** The table, or undefined when the input had no `*name` section. */
export function findTable(ruleset: Ruleset, name: TableName): Table | undefined {
  return ruleset.tables.find((t) => t.name === name);
}

/** A chain by name in O(1) through the table's index. */
export function findChain(ruleset: Ruleset, table: TableName, chain: string): Chain | undefined {
  const t = findTable(ruleset, table);
  return t === undefined ? undefined : chainOf(t, chain);
}

/** A chain of one table by name in O(1). */
export function chainOf(table: Table, chain: string): Chain | undefined {
  const i = table.chainIndex.get(chain);
  return i === undefined ? undefined : table.chains[i];
}

/** True for PREROUTING, INPUT, ... of the given table. */
export function isBuiltinChain(table: TableName, chain: string): boolean {
  return (BUILTIN_CHAINS[table] as readonly string[]).includes(chain);
}
