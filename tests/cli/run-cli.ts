import { spawnSync } from 'node:child_process';

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs one of the CLI's scripts (`cli/main.ts`, `cli/fidelity.ts`) as `npm run -s cli` does, in a
 * Node of its own with tsx's loader: the same process a user gets, without npx's start-up.
 */
export function runCliScript(script: string, args: readonly string[], options: { cwd?: string } = {}): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', timeout: 60_000, cwd: options.cwd });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
