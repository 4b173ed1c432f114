import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The colours of app/theme.css, read as the browser resolves them: the root's
 * tokens (`light-dark(light, dark)`, `var(--other)` or a colour), with the
 * contrast theme's block over them. Every pair of text colour and background
 * the stylesheets and the cluster view put together must reach WCAG's ratio:
 * 4.5:1 in light and dark (AA), 7:1 in high contrast (AAA); marks that carry
 * meaning without text (the step kinds' shapes, the focus ring) 3:1.
 */
// vitest runs from the repository's root (jsdom's import.meta.url is no file: URL).
const css = readFileSync(resolvePath(process.cwd(), 'app/theme.css'), 'utf8');

function block(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`theme.css has no ${selector} block`);
  const body = css.slice(start, css.indexOf('\n}', start));
  return new Map([...body.matchAll(/^\s*(--[\w-]+):\s*([^;]+);/gm)].map((m) => [m[1]!, m[2]!.trim()]));
}

type Scheme = 'light' | 'dark';
const ROOT = block(':root');
const THEMES: Record<string, { tokens: Map<string, string>; scheme: Scheme; text: number }> = {
  light: { tokens: ROOT, scheme: 'light', text: 4.5 },
  dark: { tokens: ROOT, scheme: 'dark', text: 4.5 },
  'contrast (light)': { tokens: new Map([...ROOT, ...block(":root[data-theme='contrast']")]), scheme: 'light', text: 7 },
  'contrast (dark)': { tokens: new Map([...ROOT, ...block(":root[data-theme='contrast']")]), scheme: 'dark', text: 7 },
};

/** A token's colour as `#rrggbb` in a theme: light-dark() picks by scheme, var() follows the reference. */
function resolve(tokens: Map<string, string>, scheme: Scheme, value: string): string {
  const lightDark = /^light-dark\((.+),\s*([^,]+)\)$/.exec(value);
  if (lightDark) return resolve(tokens, scheme, (scheme === 'light' ? lightDark[1] : lightDark[2])!.trim());
  const ref = /^var\((--[\w-]+)\)$/.exec(value);
  if (ref) {
    const next = tokens.get(ref[1]!);
    if (next === undefined) throw new Error(`${ref[1]} is not defined`);
    return resolve(tokens, scheme, next);
  }
  if (!/^#[0-9a-f]{6}$/i.test(value)) throw new Error(`not an opaque #rrggbb colour: ${value}`);
  return value.toLowerCase();
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function ratio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Text colour on background, as the stylesheets and the SVG pair them. */
const TEXT: readonly (readonly [string, string])[] = [
  // The page shell, the header, the share menu, alerts, the hint, the step list.
  ...['--paper', '--card', '--hover-bg', '--input-bg', '--warn-bg', '--chip-bg', '--chip-reply-bg'].map((bg) => ['--ink', bg] as const),
  ['--muted', '--paper'],
  ['--muted', '--card'],
  ['--accent', '--paper'],
  ['--accent', '--card'],
  ['--on-accent', '--accent-fill'],
  ['--on-accent', '--accent-fill-hover'],
  ['--reply', '--card'],
  ['--del', '--card'],
  ['--hint-ink', '--hint-bg'],
  ['--stage-ink', '--stage-bg'],
  // The panels.
  ['--pw-muted', '--card'],
  ['--pw-muted', '--pw-decided-bg'],
  ['--pw-ink', '--pw-decided-bg'],
  ['--pw-decided-ink', '--pw-decided-bg'],
  ['--pw-ink', '--pw-subtle-bg'],
  ['--pw-ink', '--pw-chip-bg'],
  ['--pw-del', '--pw-del-bg'],
  ['--pw-ins', '--pw-ins-bg'],
  ['--pw-nat-ink', '--pw-nat-bg'],
  ['--pw-stop-ink', '--pw-stop-bg'],
  ['--pw-term-ink', '--pw-term-bg'],
  ['--pw-term-muted', '--pw-term-bg'],
  ['--pw-term-label', '--pw-term-bg'],
  ['--pw-term-mark-ink', '--pw-term-mark-bg'],
  ['--pw-term-mark-ink', '--pw-term-vs-bg'],
  ['--pw-diff-add-ink', '--pw-diff-add-bg'],
  ['--pw-diff-del-ink', '--pw-diff-del-bg'],
  // The numbered ticks of the article figures' timeline.
  ['--pw-kind-badge-ink', '--pw-kind-l2'],
  ['--pw-kind-badge-ink', '--pw-kind-l3'],
  ...['--pw-kind-conntrack', '--pw-kind-filter', '--pw-kind-stop', '--pw-kind-control'].map((bg) => ['--pw-kind-on-strong', bg] as const),
  ['--pw-kind-nat-badge-ink', '--pw-kind-nat-badge-bg'],
  // The cluster view: labels on the boxes they sit in.
  ...[
    '--pw-view-bg',
    '--pw-box',
    '--pw-node-fill',
    '--pw-hook-fill',
    '--pw-network',
    '--pw-active-fill',
    '--pw-running-fill',
    '--pw-client-fill',
    '--pw-endpoint-fill',
    '--pw-ipvs-fill',
    '--pw-card-fill',
  ].map((bg) => ['--pw-diagram-ink', bg] as const),
  ...['--pw-view-bg', '--pw-box', '--pw-node-fill', '--pw-network', '--pw-client-fill', '--pw-endpoint-fill', '--pw-card-fill'].map(
    (bg) => ['--pw-diagram-muted', bg] as const,
  ),
  ...['--pw-box', '--pw-hook-fill', '--pw-active-fill', '--pw-running-fill', '--pw-ipvs-fill', '--pw-card-fill'].map(
    (bg) => ['--pw-ipvs', bg] as const,
  ),
  ['--pw-struck', '--pw-box'],
  ['--pw-struck', '--pw-card-fill'],
  ['--pw-packet-stroke', '--pw-card-fill'],
];

/** Marks that carry meaning without text: 3:1 against what they are drawn on. */
const MARKS: readonly (readonly [string, string])[] = [
  ...[
    '--pw-kind-nat',
    '--pw-kind-conntrack',
    '--pw-kind-filter',
    '--pw-kind-stop',
    '--pw-kind-l2',
    '--pw-kind-l3',
    '--pw-kind-control',
  ].map((mark) => [mark, '--card'] as const),
  ['--input-line', '--input-bg'],
  ['--focus', '--card'],
  ['--focus', '--paper'],
  ['--pw-active', '--pw-box'],
  ['--pw-packet-stroke', '--pw-view-bg'],
];

describe.each(Object.entries(THEMES))('the %s theme', (_name, { tokens, scheme, text }) => {
  const colour = (token: string) => {
    const value = tokens.get(token);
    if (value === undefined) throw new Error(`${token} is not defined`);
    return resolve(tokens, scheme, value);
  };
  it.each(TEXT)(`shows %s text on %s at ${text}:1 or more`, (fg, bg) => {
    expect(ratio(colour(fg), colour(bg))).toBeGreaterThanOrEqual(text);
  });
  it.each(MARKS)('draws %s on %s at 3:1 or more', (fg, bg) => {
    expect(ratio(colour(fg), colour(bg))).toBeGreaterThanOrEqual(3);
  });
});
