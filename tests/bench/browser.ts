/**
 * What the browser benchmarks share: the system Chromium (Playwright never
 * downloads one), a production build, and `vite preview` on a free port.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../chromium-flags';

/** Chromium: $CHROMIUM_PATH, else Debian's. Exits with the one-line instruction when there is none. */
export function chromiumPath(bench: string): string {
  const path = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
  if (!path) {
    console.error(`${bench} needs Chromium: set CHROMIUM_PATH or install Debian's chromium (npm test does it)`);
    process.exit(1);
  }
  return path;
}

/** The flags the browser tests use too (tests/chromium-flags.ts), and `extraArgs`. */
export function launchChromium(executablePath: string, extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [...CHROMIUM_FLAGS, ...extraArgs],
  });
}

/** `vite build` in `cwd` (the project by default); exits when it fails. */
export function buildSite(cwd = process.cwd(), args: readonly string[] = []): void {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', ...args], { cwd, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** A running `vite preview` of `cwd`'s dist/: its base URL, and how to stop it. */
export interface Preview {
  readonly base: string;
  stop(): void;
}

/** Serves `cwd`'s build with `vite preview` on a free port and waits until it answers. */
export async function startPreview(cwd = process.cwd()): Promise<Preview> {
  const port = await freePort();
  // Its own process group, so stop() ends npx and the vite it started.
  const preview = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { cwd, stdio: 'ignore', detached: true });
  const base = `http://localhost:${port}`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(base).then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, stop: () => process.kill(-preview.pid!) };
}
