// The one rule of the house (DESIGN.md): data flows one way. src/ is the engine and never
// knows about the app, React, the DOM or d3-selection, and never reads a clock or
// Math.random. The rule is written once, in eslint.config.js (no-restricted-imports,
// -globals, -properties for src/); this file proves that the rule catches what it must,
// lets ordinary engine code and comments through, holds for every file in src/, and that
// src/ type-checks against tsconfig.engine.json, whose lib has no DOM.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const srcDir = join(root, 'src');
const BOUNDARY_RULES = ['no-restricted-imports', 'no-restricted-globals', 'no-restricted-properties'];

const eslint = new ESLint({ cwd: root });

/** The boundary rules a piece of code breaks when it stands in the engine at `file`. */
async function boundaryViolations(code: string, file = 'src/trace/x.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId && BOUNDARY_RULES.includes(m.ruleId)).map((m) => m.message);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(c|m)?[jt]sx?$/.test(e.name) ? [path] : [];
  });
}

describe('the lint rule for the engine boundary', () => {
  it.each([
    ["import { useState } from 'react';\nuseState;", /React/],
    ["import type { FC } from 'react';\nexport type X = FC;", /React/],
    ["import { createRoot } from 'react-dom/client';\ncreateRoot;", /React/],
    ["export { create } from 'zustand';", /store/],
    ["import { select } from 'd3-selection';\nselect;", /DOM/],
    ["import { App } from '../../app/App';\nApp;", /app\//],
    ['export const w = window.innerWidth;', /window/],
    ['document.title = "x";', /document/],
    ['export const r = Math.random();', /seed/],
    ['export const t = Date.now();', /simulated clock/],
    ['export const t = performance.now();', /simulated clock/],
  ])('rejects %j in src/', async (code, why) => {
    const found = await boundaryViolations(code);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(why);
  });

  it.each([
    ["import { ipv4 } from '../net/ipv4';\nipv4;"],
    ['// window.foo is never touched here\nexport const x = 1;'],
    ['/** Unlike document.title, a trace is plain data. */\nexport const y = 2;'],
    ['const mydocument = { x: 1 };\nexport const z = mydocument.x;'],
    ['export const draw = (rng: { next(): number }) => rng.next();'],
  ])('lets %j through in src/', async (code) => {
    expect(await boundaryViolations(code)).toEqual([]);
  });

  it('does not apply to app/, which may use React and the DOM', async () => {
    expect(
      await boundaryViolations("import { useState } from 'react';\nexport const w = window.innerWidth + (useState ? 1 : 0);", 'app/x.ts'),
    ).toEqual([]);
  });
});

describe('src/ (the engine)', () => {
  const files = sourceFiles(srcDir);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('breaks no boundary rule in any file', async () => {
    const results = await eslint.lintFiles(files);
    const bad = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId && BOUNDARY_RULES.includes(m.ruleId))
        .map((m) => `${relative(root, r.filePath)}:${m.line}: ${m.message}`),
    );
    expect(results).toHaveLength(files.length);
    expect(bad).toEqual([]);
  }, 120_000);

  it('has no JSX files', () => {
    expect(files.filter((f) => /x$/.test(f)).map((f) => relative(root, f))).toEqual([]);
  });

  it('type-checks without the DOM lib (tsc -p tsconfig.engine.json)', () => {
    const config = JSON.parse(readFileSync(join(root, 'tsconfig.engine.json'), 'utf8')) as {
      compilerOptions: { lib: string[] };
    };
    expect(config.compilerOptions.lib.some((l) => /dom/i.test(l))).toBe(false);
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', 'tsconfig.engine.json', '--noEmit'], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      output = `${err.stdout ?? ''}${err.stderr ?? ''}` || String(e);
    }
    expect(output).toBe('');
  }, 120_000);
});
