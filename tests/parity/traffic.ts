import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BuiltCluster } from './build-cluster';
import type { PodPlan } from './cluster-plan';
import type { ParityRun } from './namespaces';

const SERVER = fileURLToPath(new URL('./pod-server.mjs', import.meta.url));
const CLIENT = fileURLToPath(new URL('./pod-client.mjs', import.meta.url));
const START_TIMEOUT_MS = 10_000;

/** What a client got: the answering pod and the peer address it saw, or the socket's error code. */
export type Answer = { readonly pod: string; readonly peer: string } | { readonly error: string };

/** A connection the client keeps open until `close` (conntrack is read meanwhile). */
export interface HeldConnection {
  readonly answer: Answer;
  close(): Promise<void>;
}

/** Starts the small server in every pod's namespace and waits until each listens; the servers by pod. */
export async function startServers(run: ParityRun, cluster: BuiltCluster, pods: readonly PodPlan[]): Promise<Map<string, ChildProcess>> {
  const servers = await Promise.all(pods.map(async (pod) => [pod.name, await startServer(run, cluster.pods.get(pod.name)!, pod)] as const));
  return new Map(servers);
}

/** Starts one pod's server in its namespace and waits until it listens on every port. */
export async function startServer(run: ParityRun, ns: string, pod: PodPlan): Promise<ChildProcess> {
  const specs = pod.ports.map((p) => `${p.protocol}:${p.port}`);
  const child = run.spawnIn(ns, process.execPath, [SERVER, pod.name, ...specs]);
  const line = await firstLine(child, START_TIMEOUT_MS);
  if (line !== 'ready') throw new Error(`${pod.name}'s server did not start: ${line}`);
  return child;
}

/**
 * Opens one connection from a namespace (a pod's, a node's for hostNetwork, an outside client's)
 * and holds it open; with `timeoutMs`, the client gives up on an answer after that long (the
 * client's own default is 3 s).
 */
export async function holdConnection(
  run: ParityRun,
  ns: string,
  protocol: string,
  host: string,
  port: number,
  timeoutMs?: number,
): Promise<HeldConnection> {
  const wait = timeoutMs === undefined ? [] : [String(timeoutMs)];
  const child = run.spawnIn(ns, process.execPath, [CLIENT, 'hold', protocol, host, String(port), ...wait]);
  const answer = JSON.parse(await firstLine(child, START_TIMEOUT_MS)) as Answer;
  return {
    answer,
    close: () =>
      new Promise((resolve) => {
        child.on('exit', () => resolve());
        child.stdin?.end();
        if (child.exitCode !== null) resolve();
      }),
  };
}

/** Opens `count` connections one after another from a namespace; every answer, in order. */
export async function openConnections(
  run: ParityRun,
  ns: string,
  protocol: string,
  host: string,
  port: number,
  count: number,
): Promise<Answer[]> {
  const child = run.spawnIn(ns, process.execPath, [CLIENT, 'many', protocol, host, String(port), String(count)]);
  return JSON.parse(await firstLine(child, 60_000)) as Answer[];
}

/** The first line a process prints on stdout; rejects with its stderr when it exits or stalls first. */
function firstLine(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms: ${err.trim()}`)), timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        resolve(out.slice(0, newline));
      }
    });
    // 'close', not 'exit': stdout may still hold the line when the process has exited.
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before answering: ${err.trim()}`));
    });
  });
}
