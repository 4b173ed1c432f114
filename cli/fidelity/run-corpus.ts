import { chainHash, computeProbability, sortIptablesRules } from '../../src/kube-proxy';
import { firstDifference } from './compare-text';
import { runCase, runContextOf, type CaseResult } from './run-case';
import type { Corpus } from './schema';

export interface CorpusReport {
  readonly results: readonly CaseResult[];
  readonly passed: number;
  readonly failed: number;
  readonly unsupported: number;
  /** One line per result, then the summary line. */
  readonly lines: readonly string[];
}

/** Checks auxiliary tables: every chain-name hash, every probability, every sort case. */
export function runAuxiliary(corpus: Corpus): CaseResult[] {
  const aux = corpus.auxiliary;
  const out: CaseResult[] = [];
  const names = aux?.chainNames ?? [];
  if (names.length > 0) {
    const bad = names.find((n) => `${n.prefix}${chainHash(n.hashInput)}` !== n.expectedChain);
    out.push({
      id: `auxiliary.chainNames (${names.length})`,
      status: bad ? 'FAIL' : 'PASS',
      detail: bad ? `${bad.hashInput}: expected ${bad.expectedChain}, got ${bad.prefix}${chainHash(bad.hashInput)}` : '',
    });
  }
  const probs = Object.entries(aux?.computeProbability?.values ?? {});
  if (probs.length > 0) {
    const bad = probs.find(([n, v]) => computeProbability(Number(n)) !== v);
    out.push({
      id: `auxiliary.computeProbability (${probs.length})`,
      status: bad ? 'FAIL' : 'PASS',
      detail: bad ? `n=${bad[0]}: expected ${bad[1]}, got ${computeProbability(Number(bad[0]))}` : '',
    });
  }
  for (const s of aux?.sortNormalizationCases ?? []) {
    const diff = firstDifference(s.output, sortIptablesRules(s.input));
    out.push({ id: `auxiliary.sortNormalizationCases/${s.name}`, status: diff ? 'FAIL' : 'PASS', detail: diff ?? '' });
  }
  return out;
}

/** Runs every case and auxiliary check of a validated corpus. Pure. */
export function runCorpus(corpus: Corpus): CorpusReport {
  const ctx = runContextOf(corpus);
  const results = [...corpus.cases.map((c) => runCase(c, ctx)), ...runAuxiliary(corpus)];
  const count = (s: CaseResult['status']): number => results.filter((r) => r.status === s).length;
  const passed = count('PASS');
  const failed = count('FAIL');
  const unsupported = count('UNSUPPORTED');
  const lines = results.map((r) => (r.status === 'PASS' ? `PASS ${r.id}` : `${r.status} ${r.id}: ${r.detail}`));
  lines.push(`${passed} passed, ${failed} failed, ${unsupported} unsupported`);
  return { results, passed, failed, unsupported, lines };
}

