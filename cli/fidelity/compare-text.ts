/** The first line where two texts differ, 1-based, or null when they are equal. */
export function firstDifference(expected: string, got: string): string | null {
  if (expected === got) return null;
  const e = expected.split('\n');
  const g = got.split('\n');
  for (let i = 0; i < Math.max(e.length, g.length); i++) {
    if (e[i] !== g[i]) {
      const show = (s: string | undefined): string => (s === undefined ? '<end of text>' : JSON.stringify(s));
      return `line ${i + 1}: expected ${show(e[i])}, got ${show(g[i])}`;
    }
  }
  return 'texts differ';
}

/** The `-A <chain>` lines of one table of a restore text, in order, newline-terminated. */
export function chainRules(restore: string, table: string, chain: string): string {
  const out: string[] = [];
  let current = '';
  for (const line of restore.split('\n')) {
    if (line.startsWith('*')) current = line.slice(1);
    else if (current === table && line.startsWith(`-A ${chain} `)) out.push(line);
  }
  return out.map((l) => `${l}\n`).join('');
}
