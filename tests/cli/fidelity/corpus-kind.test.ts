import { describe, expect, it } from 'vitest';
import { corpusKind } from '../../../cli/fidelity/corpus-kind';
import { parseCorpus, type Corpus } from '../../../cli/fidelity/schema';
import { CORPUS_FILE, NFT_CORPUS_FILE, nftCorpus, realCorpus } from './corpus-fixtures';

const corpus = (json: unknown): Corpus => {
  const r = parseCorpus(json);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const kindOf = (json: unknown) => corpusKind(corpus(json));

describe('corpusKind', () => {
  it(`reads ${CORPUS_FILE} as iptables and ${NFT_CORPUS_FILE} as nftables`, () => {
    expect(kindOf(realCorpus)).toEqual({ ok: true, value: 'iptables' });
    expect(kindOf(nftCorpus)).toEqual({ ok: true, value: 'nftables' });
  });

  it.each([
    ['the title', { title: 'kube-proxy nftables-mode expectations' }],
    ['the scope', { scope: 'nftables proxier, public split' }],
    ['a source path', { source: { files: [{ path: 'pkg/proxy/nftables/proxier_test.go' }] } }],
    ['an nftables convention', { conventions: { nftables: { table: 'kube-proxy' } } }],
    ['a case config', { cases: [{ id: 'x', config: { nftablesFamily: 'ip' } }] }],
  ])('tells nftables from %s alone', (_where, fields) => {
    expect(kindOf({ schemaVersion: 1, cases: [], ...fields })).toEqual({ ok: true, value: 'nftables' });
  });

  it('reads a file that names no mode as the iptables format the corpus started with', () => {
    expect(kindOf({ schemaVersion: 1, cases: [] })).toEqual({ ok: true, value: 'iptables' });
  });

  it('refuses a file that names both modes, saying where', () => {
    const r = kindOf({ schemaVersion: 1, title: 'kube-proxy iptables-mode expectations', conventions: { nftables: {} }, cases: [] });
    expect(r).toEqual({ ok: false, error: 'names both proxy modes: nftables at conventions.nftables, iptables at title' });
  });
});
