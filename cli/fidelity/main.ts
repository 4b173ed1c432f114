import { readFileSync } from 'node:fs';
import { corpusKind } from './corpus-kind';
import { runCorpus, type RunOptions } from './run-corpus';
import { parseCorpus } from './schema';

export const DEFAULT_CORPUS = 'tests/fidelity/kube-proxy-cases.json';

/** What the runner prints and how it exits. */
export interface FidelityRun {
  readonly stdout: string;
  readonly stderr: string;
  /** 0: checks ran and none failed; 1: a FAIL, no case, or no check at all; 2: the file cannot be read or is not a corpus. */
  readonly exitCode: 0 | 1 | 2;
}

/**
 * The fidelity runner: reads a corpus transcribed from kube-proxy's tests (iptables or
 * nftables mode, told apart by the file itself), runs it against that mode's generator and
 * prints one line per case. It is never green without having compared
 * something: an empty corpus, or one where every case is UNSUPPORTED, exits 1.
 */
export function runFidelity(file: string, options: RunOptions = {}): FidelityRun {
  const problem = (message: string, exitCode: 1 | 2, stdout = ''): FidelityRun => ({
    stdout,
    stderr: `fidelity: ${file}: ${message}\n`,
    exitCode,
  });
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return problem(e instanceof SyntaxError ? `is not valid JSON (${e.message})` : `cannot be read (${(e as Error).message})`, 2);
  }
  const corpus = parseCorpus(json);
  if (!corpus.ok) return problem(corpus.error, 2);
  const kind = corpusKind(corpus.value);
  if (!kind.ok) return problem(kind.error, 2);
  const report = runCorpus(corpus.value, kind.value, options);
  const stdout = `${report.lines.join('\n')}\n`;
  if (report.cases === 0) return problem('has no cases, so nothing was checked', 1, stdout);
  if (report.checks === 0) return problem('no check ran (no case compared anything)', 1, stdout);
  return { stdout, stderr: '', exitCode: report.failed > 0 ? 1 : 0 };
}
