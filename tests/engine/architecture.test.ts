// The one rule of the house (DESIGN.md): data flows one way. src/ is the engine and never
// knows about the app, React, the DOM or d3-selection. This file proves it mechanically:
// a scan of every source file's imports and globals, and a type-check of src/ against
// tsconfig.engine.json, whose lib has no DOM (so `window` or `document` cannot compile).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const srcDir = join(root, 'src');

const FORBIDDEN_PACKAGES = ['react', 'react-dom', 'zustand', 'd3-selection'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(c|m)?[jt]sx?$/.test(e.name) ? [path] : [];
  });
}

/** Block and line comments removed, so a TSDoc sentence that says "window." is no violation. */
function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Every module specifier: static imports, re-exports, `import type`, dynamic import(), require(). */
function specifiers(code: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) found.push(m[1]!);
  return found;
}

/** Why a file in src/ breaks the one-way rule, or nothing. */
function violations(file: string, code: string): string[] {
  const body = stripComments(code);
  const out: string[] = [];
  for (const spec of specifiers(body)) {
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
    if (FORBIDDEN_PACKAGES.includes(pkg)) out.push(`imports ${spec}`);
    if (spec.startsWith('.')) {
      const target = relative(root, resolve(dirname(file), spec));
      if (target === 'app' || target.startsWith(`app/`)) out.push(`imports ${spec} (app/)`);
    }
    if (/^\/?app\//.test(spec)) out.push(`imports ${spec} (app/)`);
  }
  for (const global of ['document', 'window']) {
    if (new RegExp(`(^|[^\\w.$])${global}\\s*\\.`, 'm').test(body)) out.push(`uses ${global}.`);
  }
  return out;
}

describe('the detector', () => {
  const file = join(srcDir, 'trace', 'x.ts');
  it.each([
    ["import { useState } from 'react';", 'imports react'],
    ["import type { FC } from 'react';", 'imports react'],
    ["import { createRoot } from 'react-dom/client';", 'imports react-dom/client'],
    ["export { create } from 'zustand';", 'imports zustand'],
    ["const d3 = await import('d3-selection');", 'imports d3-selection'],
    ["import { App } from '../../app/App';", 'imports ../../app/App (app/)'],
    ['const w = window.innerWidth;', 'uses window.'],
    ['document.title = "x";', 'uses document.'],
  ])('flags %j', (code, why) => {
    expect(violations(file, code)).toContain(why);
  });

  it.each([
    ["import { ipv4 } from '../net/ipv4';"],
    ["import { scaleLinear } from 'd3-scale';"],
    ['// window.foo is never touched here'],
    ['/** Unlike document.title, a trace is plain data. */'],
    ['const reactTime = 3; const mydocument = { x: 1 }; mydocument.x;'],
  ])('lets %j pass', (code) => {
    expect(violations(file, code)).toEqual([]);
  });
});

describe('src/ (the engine)', () => {
  const files = sourceFiles(srcDir);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('never imports app/, react, react-dom, zustand or d3-selection, nor touches document. or window.', () => {
    const bad = files.flatMap((f) =>
      violations(f, readFileSync(f, 'utf8')).map((v) => `${relative(root, f)}: ${v}`),
    );
    expect(bad).toEqual([]);
  });

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
