import { spawnSync } from 'node:child_process';

/** What a command printed, and whether it succeeded; never throws for a failing command. */
export interface CommandResult {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command synchronously (no shell, so no quoting surprises) and captures its output. */
export function run(command: string, args: readonly string[], input?: string): CommandResult {
  const result = spawnSync(command, args, { input, encoding: 'utf8', timeout: 20_000 });
  const stderr = result.error ? result.error.message : (result.stderr ?? '');
  return { ok: result.status === 0 && !result.error, stdout: result.stdout ?? '', stderr };
}

/** Like `run`, but a failure is an error that says which command failed and why. */
export function mustRun(command: string, args: readonly string[], input?: string): string {
  const result = run(command, args, input);
  if (!result.ok) throw new Error(`${command} ${args.join(' ')}: ${result.stderr.trim()}`);
  return result.stdout;
}
