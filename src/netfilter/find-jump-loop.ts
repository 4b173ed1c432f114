import type { Table } from './ruleset';

/** The index of the chain rule `rule` of chain `chain` jumps or goes to, or undefined (no jump, or no such chain). */
export type JumpTarget = (chain: number, rule: number) => number | undefined;

/** Jump targets found by name through the table's chain index. */
function jumpsByName(table: Table): JumpTarget {
  return (chain, rule) => {
    const t = table.chains[chain]!.rules[rule]!.target;
    if (t.kind !== 'jump' && t.kind !== 'goto') return undefined;
    return table.chainIndex.get(t.chain);
  };
}

/**
 * The kernel refuses a table whose chains jump in a circle (ip_tables.c
 * mark_source_chains returns ELOOP), so iptables-restore fails on it. This finds
 * such a cycle (as chain names, first repeated at the end) or returns null.
 * Iterative depth-first search over chain indexes: rulesets have 10,000s of chains,
 * so the visit state is one byte per chain and the path two typed stacks, allocated once.
 * `targetOf` finds a jump's chain; the parser passes the chains it found while reading
 * the rules, quicker than a lookup by name for the 300,000 jumps of a big ruleset.
 */
export function findJumpLoop(table: Table, targetOf: JumpTarget = jumpsByName(table)): readonly string[] | null {
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
      const chain = path[top]!;
      const count = chains[chain]!.rules.length;
      let pushed = false;
      while (next[top]! < count) {
        const j = targetOf(chain, next[top]!);
        next[top]!++;
        if (j === undefined || state[j] === 2) continue;
        if (state[j] === 1) {
          const names = Array.from(path.subarray(0, depth), (i) => chains[i]!.name);
          const name = chains[j]!.name;
          return [...names.slice(names.indexOf(name)), name];
        }
        state[j] = 1;
        path[depth] = j;
        next[depth] = 0;
        depth++;
        pushed = true;
        break;
      }
      if (!pushed) {
        state[chain] = 2;
        depth--;
      }
    }
  }
  return null;
}
