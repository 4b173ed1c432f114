// Loading a table into a real kernel: a network namespace of our own (pwnft-<pid>-<n>),
// `nft -f`, `nft list table`, and the namespace deleted by its exact name on every path.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let counter = 0;

const run = (cmd: string, args: readonly string[]): string =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** In a fresh namespace: `fn(name)`, then the namespace is gone whatever happened. */
function inNamespace<T>(fn: (ns: string) => T): T {
  const ns = `pwnft-${process.pid}-${counter++}`;
  run('ip', ['netns', 'add', ns]);
  try {
    return fn(ns);
  } finally {
    run('ip', ['netns', 'delete', ns]);
  }
}

/** Why the kernel round trip cannot run here, or null when it can (root, `ip`, `nft`, network namespaces). */
export function kernelUnavailableReason(): string | null {
  if (process.platform !== 'linux') return `needs Linux, this is ${process.platform}`;
  if (process.getuid?.() !== 0) return 'needs root to create a network namespace';
  for (const [cmd, args] of [
    ['nft', ['--version']],
    ['ip', ['-V']],
  ] as const) {
    try {
      run(cmd, args);
    } catch {
      return `needs the ${cmd} command (Debian: ${cmd === 'nft' ? 'nftables' : 'iproute2'})`;
    }
  }
  try {
    inNamespace(() => undefined);
  } catch (e) {
    return `cannot create a network namespace (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
  }
  return null;
}

/** What `nft list table <family> <name>` prints after `nft -f` loads `transaction` into a fresh namespace. */
export function loadAndList(transaction: string, family: string, table: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pwnft-'));
  try {
    const file = join(dir, 'table.nft');
    writeFileSync(file, transaction);
    return inNamespace((ns) => {
      run('ip', ['netns', 'exec', ns, 'nft', '-f', file]);
      return run('ip', ['netns', 'exec', ns, 'nft', 'list', 'table', family, table]);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
