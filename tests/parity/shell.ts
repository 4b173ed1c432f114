import { execFileSync } from 'node:child_process';

/** What a command printed, and whether it succeeded; never throws for a failing command. */
export interface CommandResult {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command synchronously (no shell, so no quoting surprises) and captures its output. */
export function run(command: string, args: readonly string[], input?: string): CommandResult {
  try {
    const stdout = execFileSync(command, args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], timeout: 20_000 });
    return { ok: true, stdout, stderr: '' };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    return { ok: false, stdout: err.stdout ?? '', stderr: err.stderr || err.message };
  }
}

/** Like `run`, but a failure is an error that says which command failed and why. */
export function mustRun(command: string, args: readonly string[], input?: string): string {
  const result = run(command, args, input);
  if (!result.ok) throw new Error(`${command} ${args.join(' ')}: ${result.stderr.trim()}`);
  return result.stdout;
}
