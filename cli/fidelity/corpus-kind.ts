import type { Corpus } from './schema';

/** Which proxier a corpus was transcribed from: its rules, tracer and names differ. */
export type CorpusKind = 'iptables' | 'nftables';

/** Every place in the file that names a mode, as "where: mode". */
function evidence(corpus: Corpus): { readonly where: string; readonly kind: CorpusKind }[] {
  const found: { where: string; kind: CorpusKind }[] = [];
  const words = (where: string, text: unknown): void => {
    if (typeof text !== 'string') return;
    if (/\bnftables\b/i.test(text)) found.push({ where, kind: 'nftables' });
    if (/\biptables\b/i.test(text)) found.push({ where, kind: 'iptables' });
  };
  const raw = corpus as Record<string, unknown>;
  words('title', raw['title']);
  words('scope', raw['scope']);
  const files = (raw['source'] as { files?: { path?: unknown }[] } | undefined)?.files;
  for (const [i, f] of (Array.isArray(files) ? files : []).entries()) {
    const path = typeof f?.path === 'string' ? f.path : '';
    const m = /pkg\/proxy\/(iptables|nftables)\//.exec(path);
    if (m !== null) found.push({ where: `source.files.${i}.path`, kind: m[1] as CorpusKind });
  }
  if (corpus.conventions?.['nftables'] !== undefined) found.push({ where: 'conventions.nftables', kind: 'nftables' });
  for (const c of corpus.cases) {
    const config = c['config'];
    if (config !== null && typeof config === 'object' && 'nftablesFamily' in config) {
      found.push({ where: `case "${c.id}" config.nftablesFamily`, kind: 'nftables' });
    }
  }
  return found;
}

/**
 * Tells an nftables corpus from an iptables one by what the file says of itself: its title
 * and scope ("nftables-mode expectations"), its source files (pkg/proxy/nftables/...), an
 * `nftables` convention, a case config's nftablesFamily. A file that names no mode is the
 * original iptables format; one that names both cannot be run and says where.
 */
export function corpusKind(corpus: Corpus): { ok: true; value: CorpusKind } | { ok: false; error: string } {
  const found = evidence(corpus);
  const nft = found.filter((e) => e.kind === 'nftables');
  const ipt = found.filter((e) => e.kind === 'iptables');
  if (nft.length > 0 && ipt.length > 0) {
    const list = (es: typeof found): string => es.map((e) => e.where).join(', ');
    return { ok: false, error: `names both proxy modes: nftables at ${list(nft)}, iptables at ${list(ipt)}` };
  }
  return { ok: true, value: nft.length > 0 ? 'nftables' : 'iptables' };
}
