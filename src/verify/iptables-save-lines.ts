import type { TableName } from '../netfilter/evaluated-rule';

/** One table of an `iptables-save` text, indexed by chain: a large node's nat table has tens of thousands of lines. */
export interface SavedTable {
  /** Every line from `*table` to `COMMIT`, both included, in order. */
  readonly lines: readonly string[];
  /** Each chain's policy (`-` for a user chain) and its `-A` lines in order. */
  readonly chains: ReadonlyMap<string, { readonly policy: string; readonly rules: string[] }>;
}

/** Indexes the tables of an `iptables-save` text, once. */
export function indexIptablesSave(save: string): ReadonlyMap<TableName, SavedTable> {
  const tables = new Map<TableName, SavedTable>();
  let current: { lines: string[]; chains: Map<string, { policy: string; rules: string[] }> } | null = null;
  for (const line of save.split('\n')) {
    if (line.startsWith('*')) {
      current = { lines: [line], chains: new Map() };
      tables.set(line.slice(1) as TableName, current);
      continue;
    }
    if (!current) continue;
    current.lines.push(line);
    if (line.startsWith(':')) {
      const [name = '', policy = '-'] = line.slice(1).split(' ');
      current.chains.set(name, { policy, rules: [] });
    } else if (line.startsWith('-A ')) {
      current.chains.get(line.slice(3, line.indexOf(' ', 3)))?.rules.push(line);
    } else if (line === 'COMMIT') current = null;
  }
  return tables;
}

/**
 * `iptables -t TABLE -S CHAIN`: `-N CHAIN` for a user chain (`-P CHAIN POLICY`
 * for a built-in one), then its rules as `iptables-save` prints them (iptables
 * prints both with the same save routine, without counters). Null when the
 * chain is not in the table.
 */
export function chainSpec(save: ReadonlyMap<TableName, SavedTable>, table: TableName, chain: string): readonly string[] | null {
  const found = save.get(table)?.chains.get(chain);
  if (!found) return null;
  return [found.policy === '-' ? `-N ${chain}` : `-P ${chain} ${found.policy}`, ...found.rules];
}

/** `iptables-save -t TABLE | grep -F TEXT`: the table's lines holding the text (the header comments never do). */
export function grepTable(save: ReadonlyMap<TableName, SavedTable>, table: TableName, text: string): readonly string[] {
  return (save.get(table)?.lines ?? []).filter((l) => l.includes(text));
}
