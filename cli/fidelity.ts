#!/usr/bin/env node
/**
 * Fidelity runner: checks the kube-proxy engine against expectations transcribed from
 * kube-proxy's own tests. Usage: npm run -s fidelity -- [FILE]
 * (default tests/fidelity/kube-proxy-cases.json). Exit 0: no FAIL; 1: a case failed;
 * 2: the file cannot be read or does not match the schema.
 */
import { readFileSync } from 'node:fs';
import { parseCorpus } from './fidelity/schema';
import { runCorpus } from './fidelity/run-corpus';

const file = process.argv[2] ?? 'tests/fidelity/kube-proxy-cases.json';

function fail(message: string): never {
  process.stderr.write(`fidelity: ${file}: ${message}\n`);
  process.exit(2);
}

let json: unknown;
try {
  json = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  fail(e instanceof SyntaxError ? `is not valid JSON (${e.message})` : `cannot be read (${(e as Error).message})`);
}
const corpus = parseCorpus(json);
if (!corpus.ok) fail(corpus.error);
const report = runCorpus(corpus.value);
process.stdout.write(`${report.lines.join('\n')}\n`);
process.exit(report.failed > 0 ? 1 : 0);
