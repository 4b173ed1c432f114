import type { RulesDiffTable } from './types';

/** The lines of each table in an `iptables-save` text, without `*table` and COMMIT. */
function tablesOf(save: string): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of save.split('\n')) {
    if (line.startsWith('*')) {
      current = [];
      tables.set(line.slice(1), current);
    } else if (line === 'COMMIT') current = null;
    else if (current && line !== '') current.push(line);
  }
  return tables;
}

/** Lines of `a` not matched one for one by a line of `b`, in `a`'s order. */
export function minusLines(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const line of b) left.set(line, (left.get(line) ?? 0) + 1);
  const out: string[] = [];
  for (const line of a) {
    const n = left.get(line) ?? 0;
    if (n > 0) left.set(line, n - 1);
    else out.push(line);
  }
  return out;
}

/**
 * Diffs two `iptables-save` texts of one node, table by table, line by line (as
 * a multiset: a rule that only moved is not reported). A KUBE-SVC rule whose
 * probability changed shows as one line removed and one added. Only the filter
 * and nat tables, which kube-proxy writes, and only those that changed.
 */
export function diffIptablesSave(before: string, after: string): RulesDiffTable[] {
  const a = tablesOf(before);
  const b = tablesOf(after);
  const out: RulesDiffTable[] = [];
  for (const table of ['filter', 'nat'] as const) {
    const was = a.get(table) ?? [];
    const now = b.get(table) ?? [];
    const added = minusLines(now, was);
    const removed = minusLines(was, now);
    if (added.length > 0 || removed.length > 0) out.push({ table, added, removed });
  }
  return out;
}
