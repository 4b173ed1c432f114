/** The four line buffers syncProxyRules fills (proxier.go: filterChains, filterRules, natChains, natRules). */
export interface RuleBuffers {
  readonly filterChains: string[];
  readonly filterRules: string[];
  readonly natChains: string[];
  readonly natRules: string[];
}

/** One table of the restore input: the chains it declares and its `-A`/`-X` lines, in order. */
export interface TableRules {
  readonly chains: readonly string[];
  readonly rules: readonly string[];
}

export function emptyBuffers(): RuleBuffers {
  return { filterChains: [], filterRules: [], natChains: [], natRules: [] };
}

/** The iptables-restore input: `*filter`, chain lines, rules, `COMMIT`, then the same for `*nat`. */
export function restoreText(filter: TableRules, nat: TableRules): string {
  const table = (name: string, t: TableRules): string => {
    const chains = t.chains.length > 0 ? `:${t.chains.join(' - [0:0]\n:')} - [0:0]\n` : '';
    const rules = t.rules.length > 0 ? `${t.rules.join('\n')}\n` : '';
    return `*${name}\n${chains}${rules}COMMIT\n`;
  };
  return table('filter', filter) + table('nat', nat);
}
