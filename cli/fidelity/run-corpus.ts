import { unsupported, type CaseResult } from './case-result';
import type { IptablesGenerator } from './generator';
import { parseEntry } from './parse-entry';
import { nftablesEvidence, nftablesUnsupported } from './proxy-mode';
import { runAuxiliary } from './run-auxiliary';
import { runCase } from './run-case';
import { runContextOf } from './run-context';
import { caseSchema, type Corpus } from './schema';

export interface RunOptions {
  /** The generator under test; the engine's kube-proxy when omitted. */
  readonly generator?: IptablesGenerator;
}

export interface CorpusReport {
  readonly results: readonly CaseResult[];
  readonly cases: number;
  readonly passed: number;
  readonly failed: number;
  readonly unsupported: number;
  /** Comparisons that ran, over every result. */
  readonly checks: number;
  /** One line per result, then the summary line. */
  readonly lines: readonly string[];
}

function resultsOf(corpus: Corpus, options: RunOptions): CaseResult[] {
  const nftables = nftablesEvidence(corpus);
  if (nftables !== null) {
    const ids = [...corpus.cases.map((c) => c.id), ...Object.keys(corpus.auxiliary ?? {}).map((k) => `auxiliary.${k}`)];
    return ids.map((id) => unsupported(id, nftablesUnsupported(nftables)));
  }
  const ctx = runContextOf(corpus, options.generator);
  const cases = corpus.cases.map((raw) => {
    const parsed = parseEntry(caseSchema, raw, raw.id);
    return parsed.ok ? runCase(parsed.value, ctx) : parsed.result;
  });
  return [...cases, ...runAuxiliary(corpus.auxiliary)];
}

const lineOf = (r: CaseResult): string => (r.status === 'PASS' ? `PASS ${r.id} (${r.detail})` : `${r.status} ${r.id}: ${r.detail}`);

/** Runs every case and auxiliary table of a corpus; each case on its own, so one that cannot run does not stop the others. */
export function runCorpus(corpus: Corpus, options: RunOptions = {}): CorpusReport {
  const results = resultsOf(corpus, options);
  const count = (s: CaseResult['status']): number => results.filter((r) => r.status === s).length;
  const passed = count('PASS');
  const failed = count('FAIL');
  const unsupportedCount = count('UNSUPPORTED');
  const checks = results.reduce((sum, r) => sum + r.checks, 0);
  const lines = [...results.map(lineOf), `${passed} passed, ${failed} failed, ${unsupportedCount} unsupported (${checks} checks)`];
  return { results, cases: corpus.cases.length, passed, failed, unsupported: unsupportedCount, checks, lines };
}
