import type { CaseResult } from './case-result';
import type { CorpusKind } from './corpus-kind';
import type { IptablesGenerator } from './generator';
import { KUBE_PROXY_NFTABLES, type NftablesGenerator, type NftRunContext } from './nft-generator';
import { nftCaseSchema } from './nft-schema';
import { parseEntry } from './parse-entry';
import { runAuxiliary } from './run-auxiliary';
import { runCase } from './run-case';
import { runContextOf } from './run-context';
import { runNftAuxiliary } from './run-nft-auxiliary';
import { runNftCase } from './run-nft-case';
import { caseSchema, type Corpus } from './schema';

export interface RunOptions {
  /** The iptables generator under test; the engine's kube-proxy when omitted. */
  readonly generator?: IptablesGenerator;
  /** The nftables generator under test; the engine's nftables-mode kube-proxy when omitted. */
  readonly nftablesGenerator?: NftablesGenerator;
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

function resultsOf(corpus: Corpus, kind: CorpusKind, options: RunOptions): CaseResult[] {
  if (kind === 'nftables') return nftResultsOf(corpus, options);
  const ctx = runContextOf(corpus, options.generator);
  const cases = corpus.cases.map((raw) => {
    const parsed = parseEntry(caseSchema, raw, raw.id);
    return parsed.ok ? runCase(parsed.value, ctx) : parsed.result;
  });
  return [...cases, ...runAuxiliary(corpus.auxiliary)];
}

/** The tracer's node IPs when the corpus does not list them (NewFakeProxier's testNodeIPs). */
const DEFAULT_TRACER_NODE_IPS = ['192.168.0.2', '192.168.1.2', '192.168.99.11', '2001:db8::1', '2001:db8:1::2'];

function nftResultsOf(corpus: Corpus, options: RunOptions): CaseResult[] {
  const conv = corpus.conventions as { fakeNetworkInterfaces?: Record<string, string[]>; tracerNodeIPs?: { value?: string[] } } | undefined;
  const ctx: NftRunContext = {
    generator: options.nftablesGenerator ?? KUBE_PROXY_NFTABLES,
    interfaceAddresses: Object.values(conv?.fakeNetworkInterfaces ?? {}).flat(),
    tracerNodeIPs: conv?.tracerNodeIPs?.value ?? DEFAULT_TRACER_NODE_IPS,
  };
  const cases = corpus.cases.map((raw) => {
    const parsed = parseEntry(nftCaseSchema, raw, raw.id);
    return parsed.ok ? runNftCase(parsed.value, ctx) : parsed.result;
  });
  return [...cases, ...runNftAuxiliary(corpus.auxiliary)];
}

const lineOf = (r: CaseResult): string => (r.status === 'PASS' ? `PASS ${r.id} (${r.detail})` : `${r.status} ${r.id}: ${r.detail}`);

/** Runs every case and auxiliary table of a corpus; each case on its own, so one that cannot run does not stop the others. */
export function runCorpus(corpus: Corpus, kind: CorpusKind, options: RunOptions = {}): CorpusReport {
  const results = resultsOf(corpus, kind, options);
  const count = (s: CaseResult['status']): number => results.filter((r) => r.status === s).length;
  const passed = count('PASS');
  const failed = count('FAIL');
  const unsupportedCount = count('UNSUPPORTED');
  const checks = results.reduce((sum, r) => sum + r.checks, 0);
  const lines = [...results.map(lineOf), `${passed} passed, ${failed} failed, ${unsupportedCount} unsupported (${checks} checks)`];
  return { results, cases: corpus.cases.length, passed, failed, unsupported: unsupportedCount, checks, lines };
}
