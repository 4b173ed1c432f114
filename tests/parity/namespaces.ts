import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { mustRun, run, type CommandResult } from './shell';

/** Every namespace this suite creates starts with it, so nobody else's is ever touched. */
export const NAMESPACE_PREFIX = 'pwpar-';
/** One run at a time on a machine: the file is created with O_EXCL and holds the owner's PID. */
export const LOCK_PATH = '/run/pwpar.lock';

/** The `pwpar-` namespaces that exist on the machine now (ours or a crashed run's). */
export function existingParityNamespaces(): string[] {
  const list = run('ip', ['netns', 'list']);
  return list.stdout
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter((name) => name.startsWith(NAMESPACE_PREFIX));
}

/**
 * The namespaces, processes and lock of one run. Everything it creates is recorded here by
 * exact name or PID, and `cleanup` removes exactly that: never a pattern, never someone else's.
 */
export class ParityRun {
  readonly runId: string;
  private readonly namespaces: string[] = [];
  private readonly children = new Map<number, ChildProcess>();
  private locked = false;

  constructor(runId: string) {
    this.runId = runId;
  }

  /** Refuses to start when another run holds the lock or left `pwpar-` namespaces behind. */
  start(): void {
    const leftovers = existingParityNamespaces();
    if (leftovers.length > 0) throw new Error(`refusing to start: ${NAMESPACE_PREFIX} namespaces exist (${leftovers.join(', ')})`);
    let fd: number;
    try {
      fd = openSync(LOCK_PATH, 'wx');
    } catch {
      const owner = readLockOwner();
      throw new Error(`refusing to start: ${LOCK_PATH} exists (held by PID ${owner}); remove it if that run is gone`);
    }
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    this.locked = true;
  }

  /** `pwpar-<runid>-<role>`: the only shape of name this suite creates. */
  name(role: string): string {
    return `${NAMESPACE_PREFIX}${this.runId}-${role}`;
  }

  /** Creates a namespace and records it for cleanup before anything is configured in it. */
  addNamespace(role: string): string {
    const ns = this.name(role);
    this.namespaces.push(ns);
    mustRun('ip', ['netns', 'add', ns]);
    mustRun('ip', ['netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up']);
    // IPv4 only, as the scenarios: no router solicitations or MLD reports in conntrack's way.
    mustRun('ip', ['netns', 'exec', ns, 'sysctl', '-qw', 'net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1']);
    return ns;
  }

  /** Runs a command inside one of this run's namespaces (never the root one). */
  exec(ns: string, command: string, args: readonly string[], input?: string): string {
    this.assertOurs(ns);
    return mustRun('ip', ['netns', 'exec', ns, command, ...args], input);
  }

  /** Like `exec`, for a command that may fail without it being an error (conntrack -D that deletes nothing). */
  tryExec(ns: string, command: string, args: readonly string[]): CommandResult {
    this.assertOurs(ns);
    return run('ip', ['netns', 'exec', ns, command, ...args]);
  }

  /** Starts a long-lived process inside one of our namespaces; `ip netns exec` execs it, so the PID is the process's own. */
  spawnIn(ns: string, command: string, args: readonly string[]): ChildProcess {
    this.assertOurs(ns);
    const child = spawn('ip', ['netns', 'exec', ns, command, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    if (child.pid !== undefined) this.children.set(child.pid, child);
    child.on('exit', () => {
      if (child.pid !== undefined) this.children.delete(child.pid);
    });
    return child;
  }

  /** The PIDs of the processes this run started that have not exited yet (a process leaves once Node has reaped it). */
  livePids(): number[] {
    return [...this.children.keys()];
  }

  /** Stops our processes by PID and deletes our namespaces by name; then the lock. Safe to call twice. */
  cleanup(): void {
    for (const pid of this.children.keys()) killHard(pid);
    for (const ns of this.namespaces.splice(0).reverse()) run('ip', ['netns', 'del', ns]);
    if (this.locked) {
      this.locked = false;
      try {
        unlinkSync(LOCK_PATH);
      } catch {
        // Already gone: nothing to release.
      }
    }
  }

  /** Stops one of our processes by its PID (a deleted pod's server). */
  stop(child: ChildProcess): void {
    if (child.pid !== undefined && this.children.has(child.pid)) killHard(child.pid);
  }

  /** Deletes one of our namespaces by its exact name (a deleted pod's). */
  deleteNamespace(ns: string): void {
    this.assertOurs(ns);
    run('ip', ['netns', 'del', ns]);
    this.namespaces.splice(this.namespaces.indexOf(ns), 1);
  }

  /** Deletes the namespaces of one scenario's cluster (by exact name) and stops our processes. */
  teardown(namespaces: readonly string[]): void {
    for (const pid of this.children.keys()) killHard(pid);
    for (const ns of [...namespaces].reverse()) if (this.namespaces.includes(ns)) this.deleteNamespace(ns);
  }

  private assertOurs(ns: string): void {
    if (!this.namespaces.includes(ns)) throw new Error(`${ns} is not a namespace this run created`);
  }
}

function readLockOwner(): string {
  try {
    return readFileSync(LOCK_PATH, 'utf8').trim();
  } catch {
    return '?';
  }
}

/** SIGKILL: our servers hold no state worth a graceful exit, and cleanup must not wait. */
function killHard(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already exited.
  }
}
