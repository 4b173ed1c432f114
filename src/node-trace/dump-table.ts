import type { TableName } from '../netfilter/evaluated-rule';
import { BUILTIN_CHAINS, type Chain, type ChainPolicy, type Rule, type Table } from '../netfilter/ruleset';

/** A chain of a pasted table while it is read: its rules and the line of each. */
export interface DumpChain {
  readonly name: string;
  /** The built-in chain's policy; null for a user chain. */
  policy: ChainPolicy | null;
  readonly rules: Rule[];
  readonly lines: number[];
}

/** A table of a pasted dump while it is read. */
export interface DumpTable {
  readonly name: TableName;
  /** iptables-save's (4) or ip6tables-save's (6). */
  readonly family: 4 | 6;
  /** The line of `*name`. */
  readonly startLine: number;
  /** Built-ins first (ACCEPT until declared otherwise), then user chains as declared. */
  readonly chains: Map<string, DumpChain>;
}

export function newDumpTable(name: TableName, startLine: number, family: 4 | 6 = 4): DumpTable {
  const chains = new Map<string, DumpChain>();
  for (const hook of BUILTIN_CHAINS[name]) chains.set(hook, { name: hook, policy: 'ACCEPT', rules: [], lines: [] });
  return { name, family, startLine, chains };
}

/**
 * The table as the netfilter evaluator reads it. Unlike iptables-restore, a pasted
 * table is not refused for a jump loop: the evaluator's depth guard stops one.
 */
export function buildTable(t: DumpTable): Table {
  const chains: Chain[] = [];
  const chainIndex = new Map<string, number>();
  const ruleOrder: Rule[] = [];
  for (const c of t.chains.values()) {
    chainIndex.set(c.name, chains.length);
    chains.push({ name: c.name, policy: c.policy, rules: c.rules });
    for (const rule of c.rules) ruleOrder.push(rule);
  }
  const declarations = chains.map((c) => ({ name: c.name, policy: c.policy ?? '-', counters: '[0:0]' }) as const);
  return { name: t.name, chains, chainIndex, declarations, ruleOrder, deleted: [] };
}
