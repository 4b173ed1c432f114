import { chainOf, type Table } from './ruleset';

/**
 * The kernel refuses a table whose chains jump in a circle (ip_tables.c
 * mark_source_chains returns ELOOP), so iptables-restore fails on it. This finds
 * such a cycle (as chain names, first repeated at the end) or returns null.
 * Iterative depth-first search: rulesets have 10,000s of chains.
 */
export function findJumpLoop(table: Table): readonly string[] | null {
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = finished
  for (const root of table.chains) {
    if (state.has(root.name)) continue;
    const path: { name: string; next: number }[] = [{ name: root.name, next: 0 }];
    state.set(root.name, 1);
    while (path.length > 0) {
      const top = path[path.length - 1] as { name: string; next: number };
      const rules = chainOf(table, top.name)?.rules ?? [];
      let pushed = false;
      while (top.next < rules.length) {
        const t = (rules[top.next] as (typeof rules)[number]).target;
        top.next++;
        if (t.kind !== 'jump' && t.kind !== 'goto') continue;
        const seen = state.get(t.chain);
        if (seen === 1) {
          const names = path.map((p) => p.name);
          return [...names.slice(names.indexOf(t.chain)), t.chain];
        }
        if (seen === 2 || chainOf(table, t.chain) === undefined) continue;
        state.set(t.chain, 1);
        path.push({ name: t.chain, next: 0 });
        pushed = true;
        break;
      }
      if (!pushed) {
        state.set(top.name, 2);
        path.pop();
      }
    }
  }
  return null;
}
