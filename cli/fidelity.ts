#!/usr/bin/env node
/**
 * Fidelity runner: checks the kube-proxy engine against expectations transcribed from
 * kube-proxy's own tests. Usage: npm run -s fidelity -- [FILE]
 * (default tests/fidelity/kube-proxy-cases.json). Exit 0: checks ran and none failed;
 * 1: a case failed, or the corpus has no case or ran no check; 2: the file cannot be read
 * or is not a fidelity corpus. The harness is in cli/fidelity/.
 */
import { DEFAULT_CORPUS, runFidelity } from './fidelity/main';

const run = runFidelity(process.argv[2] ?? DEFAULT_CORPUS);
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
process.exit(run.exitCode);
