import type { Table } from './ruleset';

const chainIndexOf = (table: Table, chain: string): number | undefined =>
  Object.hasOwn(table.chainIndex, chain) ? table.chainIndex[chain] : undefined;

/**
 * The kernel refuses a table whose chains jump in a circle (ip_tables.c
 * mark_source_chains returns ELOOP), so iptables-restore fails on it. This finds
 * such a cycle (as chain names, first repeated at the end) or returns null.
 * Iterative depth-first search over chain indexes: rulesets have 10,000s of chains,
 * so the visit state is one byte per chain and the path two typed stacks, allocated once.
 * `indexOf` finds a jump's chain; the parser passes its Map of chains, quicker than the
 * table's plain-object index for the 300,000 jumps of a big ruleset.
 */
export function findJumpLoop(
  table: Table,
  indexOf: (chain: string) => number | undefined = (chain) => chainIndexOf(table, chain),
): readonly string[] | null {
  const { chains } = table;
  const state = new Uint8Array(chains.length); // 0 = unseen, 1 = on the current path, 2 = finished
  const path = new Int32Array(chains.length); // chain indexes from the root down
  const next = new Int32Array(chains.length); // the next rule to look at in each
  for (let root = 0; root < chains.length; root++) {
    if (state[root] !== 0) continue;
    let depth = 1;
    path[0] = root;
    next[0] = 0;
    state[root] = 1;
    while (depth > 0) {
      const top = depth - 1;
      const rules = chains[path[top]!]!.rules;
      let pushed = false;
      while (next[top]! < rules.length) {
        const t = rules[next[top]!]!.target;
        next[top]!++;
        if (t.kind !== 'jump' && t.kind !== 'goto') continue;
        const j = indexOf(t.chain);
        if (j === undefined || state[j] === 2) continue;
        if (state[j] === 1) {
          const names = Array.from(path.subarray(0, depth), (i) => chains[i]!.name);
          return [...names.slice(names.indexOf(t.chain)), t.chain];
        }
        state[j] = 1;
        path[depth] = j;
        next[depth] = 0;
        depth++;
        pushed = true;
        break;
      }
      if (!pushed) {
        state[path[top]!] = 2;
        depth--;
      }
    }
  }
  return null;
}
