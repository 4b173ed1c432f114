/*
 * The canonical order kube-proxy's tests compare rules in (proxier_test.go,
 * sortIPTablesRules, on top of pkg/util/iptables/testing/parse.go): it removes the
 * dependence on Go's random map order while keeping the order of rules inside a chain.
 */

interface DumpChain {
  readonly name: string;
  header: string;
  rules: string[];
  deleted: boolean;
}

interface DumpTable {
  readonly name: string;
  readonly chains: DumpChain[];
  readonly byName: Map<string, DumpChain>;
}

/** The `--comment` value of a rule line, unquoted; null without a comment. */
export function ruleComment(line: string): string | null {
  const at = line.indexOf('--comment ');
  if (at < 0) return null;
  const rest = line.slice(at + 10);
  if (rest.startsWith('"')) {
    const end = rest.indexOf('"', 1);
    return end < 0 ? rest.slice(1) : rest.slice(1, end);
  }
  const space = rest.indexOf(' ');
  return space < 0 ? rest : rest.slice(0, space);
}

/** The service a rule belongs to: its comment up to the first space or colon. */
function serviceNameOf(line: string): string {
  const c = ruleComment(line);
  if (c === null) return '';
  const m = /[ :]/.exec(c);
  return m ? c.slice(0, m.index) : c;
}

function chainRank(name: string): [number, string] {
  if (name === 'KUBE-NODEPORTS') return [0, ''];
  if (name === 'KUBE-SERVICES') return [1, ''];
  return [name.startsWith('KUBE-') ? 2 : 3, name];
}

function stableSortByService(rules: string[]): string[] {
  return rules
    .map((r, i) => ({ r, i, k: serviceNameOf(r) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i))
    .map((x) => x.r);
}

function parseDump(text: string): DumpTable[] {
  const tables: DumpTable[] = [];
  let table: DumpTable | null = null;
  const chainOf = (name: string): DumpChain => {
    if (table === null) throw new Error('rule outside a table');
    let c = table.byName.get(name);
    if (c === undefined) {
      c = { name, header: `:${name} - [0:0]`, rules: [], deleted: false };
      table.chains.push(c);
      table.byName.set(name, c);
    }
    return c;
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('*')) {
      table = { name: line.slice(1), chains: [], byName: new Map() };
      tables.push(table);
    } else if (line === 'COMMIT') {
      table = null;
    } else if (line.startsWith(':')) {
      const name = line.slice(1).split(' ')[0] ?? '';
      const c = chainOf(name);
      const parts = line.split(' ');
      c.header = `:${name} ${parts[1] ?? '-'} ${parts[2] ?? '[0:0]'}`;
    } else if (line.startsWith('-A ')) {
      chainOf(line.split(' ')[1] ?? '').rules.push(line);
    } else if (line.startsWith('-X ')) {
      chainOf(line.split(' ')[1] ?? '').deleted = true;
    }
  }
  return tables;
}

/**
 * Sorts iptables-restore text canonically: tables by name; chains KUBE-NODEPORTS,
 * KUBE-SERVICES, other KUBE-* alphabetically, then the rest alphabetically; every chain
 * line, then every chain's rules, then the `-X` lines, then COMMIT. KUBE-NODEPORTS (both
 * tables) and filter KUBE-SERVICES are stably sorted by service name; nat KUBE-SERVICES
 * too, with its "must be the last rule" rule kept last.
 */
export function sortIptablesRules(text: string): string {
  const tables = parseDump(text).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const t of tables) {
    t.chains.sort((a, b) => {
      const [ra, na] = chainRank(a.name);
      const [rb, nb] = chainRank(b.name);
      return ra !== rb ? ra - rb : na < nb ? -1 : na > nb ? 1 : 0;
    });
    for (const c of t.chains) {
      if (c.name === 'KUBE-NODEPORTS' || (c.name === 'KUBE-SERVICES' && t.name === 'filter')) {
        c.rules = stableSortByService(c.rules);
      } else if (c.name === 'KUBE-SERVICES' && t.name === 'nat') {
        const isLast = (r: string): boolean => (ruleComment(r) ?? '').includes('must be the last rule');
        c.rules = stableSortByService(c.rules.filter((r) => !isLast(r))).concat(c.rules.filter(isLast));
      }
    }
    out.push(`*${t.name}`);
    for (const c of t.chains) out.push(c.header);
    for (const c of t.chains) for (const r of c.rules) out.push(r);
    for (const c of t.chains) if (c.deleted) out.push(`-X ${c.name}`);
    out.push('COMMIT');
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
