import type { TableName } from '../netfilter/evaluated-rule';

/** The lines of one table (`*nat` ... `COMMIT`, both excluded) of an `iptables-save` text. */
export function tableLines(save: string, table: TableName): readonly string[] {
  const lines = save.split('\n');
  const start = lines.indexOf(`*${table}`);
  if (start < 0) return [];
  const end = lines.indexOf('COMMIT', start);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/**
 * `iptables -t TABLE -S CHAIN`: `-N CHAIN` for a user chain (`-P CHAIN POLICY`
 * for a built-in one), then its rules as `iptables-save` prints them (iptables
 * prints both with the same save routine, without counters). Null when the
 * chain is not in the table.
 */
export function chainSpec(save: string, table: TableName, chain: string): readonly string[] | null {
  const lines = tableLines(save, table);
  const declaration = lines.find((l) => l.startsWith(`:${chain} `));
  if (declaration === undefined) return null;
  const policy = declaration.split(' ')[1];
  const head = policy === '-' || policy === undefined ? `-N ${chain}` : `-P ${chain} ${policy}`;
  return [head, ...lines.filter((l) => l.startsWith(`-A ${chain} `))];
}

/** `iptables-save -t TABLE | grep -F TEXT`: the table's lines holding the text (the header comments never do). */
export function grepTable(save: string, table: TableName, text: string): readonly string[] {
  return [`*${table}`, ...tableLines(save, table), 'COMMIT'].filter((l) => l.includes(text));
}
