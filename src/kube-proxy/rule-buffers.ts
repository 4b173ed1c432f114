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
  const parts: string[] = ['*filter'];
  for (const c of filter.chains) parts.push(`:${c} - [0:0]`);
  for (const r of filter.rules) parts.push(r);
  parts.push('COMMIT', '*nat');
  for (const c of nat.chains) parts.push(`:${c} - [0:0]`);
  for (const r of nat.rules) parts.push(r);
  parts.push('COMMIT', '');
  return parts.join('\n');
}
