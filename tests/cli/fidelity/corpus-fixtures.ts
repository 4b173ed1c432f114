// Small corpora for the runner's tests, built from the real corpus' cases.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KUBE_PROXY_IPTABLES, type IptablesGenerator } from '../../../cli/fidelity/generator';

export const CORPUS_FILE = 'tests/fidelity/kube-proxy-cases.json';

type Json = Record<string, unknown>;
export const realCorpus = JSON.parse(readFileSync(CORPUS_FILE, 'utf8')) as { conventions: Json; cases: Json[]; auxiliary: Json };

export const EXTRA_CORPUS_FILE = 'tests/fidelity/kube-proxy-cases-extra.json';
export const extraCorpus = JSON.parse(readFileSync(EXTRA_CORPUS_FILE, 'utf8')) as { conventions: Json; cases: Json[] };

/** A deep copy of the extra corpus' case with this id. */
export function extraCase(id: string): Json {
  const c = extraCorpus.cases.find((x) => x['id'] === id);
  if (c === undefined) throw new Error(`${id} is missing from ${EXTRA_CORPUS_FILE}`);
  return structuredClone(c);
}

export const NFT_CORPUS_FILE = 'tests/fidelity/kube-proxy-nftables-cases.json';
export const nftCorpus = JSON.parse(readFileSync(NFT_CORPUS_FILE, 'utf8')) as Json & { cases: Json[]; auxiliary: Json };

/** The nftables corpus with only these cases (deep copies, changed by `edit`) and no auxiliary tables. */
export function nftCorpusOf(ids: readonly string[], edit: (c: Json) => void = () => {}): Json {
  const cases = ids.map((id) => {
    const c = nftCorpus.cases.find((x) => x['id'] === id);
    if (c === undefined) throw new Error(`${id} is missing from ${NFT_CORPUS_FILE}`);
    const copy = structuredClone(c);
    edit(copy);
    return copy;
  });
  return { ...nftCorpus, cases, auxiliary: {} };
}

/** A deep copy of the real corpus' case with this id. */
export function realCase(id: string): Json {
  const c = realCorpus.cases.find((x) => x['id'] === id);
  if (c === undefined) throw new Error(`${id} is missing from ${CORPUS_FILE}`);
  return structuredClone(c);
}

/** A corpus with the real conventions, these cases and no auxiliary tables unless given. */
export const corpusOf = (cases: readonly Json[], auxiliary?: Json): Json => ({
  schemaVersion: 1,
  conventions: realCorpus.conventions,
  cases,
  ...(auxiliary === undefined ? {} : { auxiliary }),
});

/** Writes a corpus to a fresh temp dir; returns its path. */
export function writeCorpus(corpus: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'fidelity-')), 'corpus.json');
  writeFileSync(file, typeof corpus === 'string' ? corpus : JSON.stringify(corpus));
  return file;
}

/** The engine's generator, but every rule it writes carries an option iptables does not know. */
const bogus = (restore: string): string => restore.replace(/^-A (\S+) /gm, '-A $1 --bogus ');
export const BOGUS_GENERATOR: IptablesGenerator = {
  fullSync: (config, services, slices) => bogus(KUBE_PROXY_IPTABLES.fullSync(config, services, slices)),
  sync: (state, options) => {
    const s = KUBE_PROXY_IPTABLES.sync(state, options);
    return { ...s, result: { ...s.result, restore: bogus(s.result.restore) } };
  },
};
