import type { Corpus } from './schema';

/**
 * Where a corpus shows it describes kube-proxy's nftables proxier (pkg/proxy/nftables), or
 * null for an iptables corpus. Its rules are `nft` commands, its tracer follows nftables
 * chains and its hashes are nftables chain names: nothing this runner could compare.
 */
export function nftablesEvidence(corpus: Corpus): string | null {
  if (corpus.conventions?.['nftables'] !== undefined) return 'conventions.nftables';
  for (const c of corpus.cases) {
    const config = c['config'];
    if (config !== null && typeof config === 'object' && 'nftablesFamily' in config) return `case "${c.id}" config.nftablesFamily`;
  }
  return null;
}

export const nftablesUnsupported = (evidence: string): string =>
  `nftables mode is missing (${evidence}): this runner has only iptables mode's generator and kube-proxy's iptables test tracer`;
