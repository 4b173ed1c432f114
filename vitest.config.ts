import { readdirSync, readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const APP_TESTS = /\.test\.tsx?$/;
/**
 * The component tests that replace a module (`vi.mock`): they run isolated, each file in a fresh
 * module graph, for a mock must be in place before anything imports the module. Every other test
 * file of a project shares its worker's modules and jsdom (tests/app/setup.ts resets the page
 * between files): the per-file start-up (jsdom, the page's parts, React) cost more than the tests.
 */
const mockingAppTests = (readdirSync('tests/app', { recursive: true }) as string[])
  .filter((file) => APP_TESTS.test(file))
  .map((file) => `tests/app/${file}`)
  .filter((path) => /\bvi\.mock\(/.test(readFileSync(path, 'utf8')));
const app = (name: string, include: string[], options: { isolate: boolean; exclude?: string[] }) => ({
  plugins: [react()],
  test: {
    name,
    environment: 'jsdom',
    include,
    exclude: options.exclude ?? [],
    isolate: options.isolate,
    setupFiles: ['tests/app/setup.ts'],
    // After the engine's files: a worker that took turns between the projects would build a jsdom for every file again.
    sequence: { groupOrder: 1 },
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'engine',
          environment: 'node',
          include: ['tests/engine/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/parity/**/*.test.ts'],
          setupFiles: ['tests/engine/setup.ts'],
          // No engine, CLI or parity test replaces a module or keeps state between files: one module graph per worker.
          isolate: false,
        },
      },
      app('app', ['tests/app/**/*.test.{ts,tsx}'], { isolate: false, exclude: mockingAppTests }),
      ...(mockingAppTests.length > 0 ? [app('app-mocks', mockingAppTests, { isolate: true })] : []),
    ],
  },
});
