/** One line of the parity report. */
export interface Check {
  readonly status: 'PASS' | 'FAIL' | 'SKIPPED';
  /** "article: conntrack on vm1". */
  readonly name: string;
  readonly detail: string;
}

export const pass = (name: string, detail: string): Check => ({ status: 'PASS', name, detail });
export const fail = (name: string, detail: string): Check => ({ status: 'FAIL', name, detail });
export const skipped = (name: string, detail: string): Check => ({ status: 'SKIPPED', name, detail });
/** PASS when `ok`, FAIL otherwise, with the same detail (which says what was compared). */
export const check = (ok: boolean, name: string, detail: string): Check => (ok ? pass(name, detail) : fail(name, detail));

/** `STATUS name: detail`, one line (a multi-line detail is indented under it). */
export function formatCheck(c: Check): string {
  return `${c.status} ${c.name}: ${c.detail.replace(/\n/g, '\n    ')}`;
}

/** The closing line: `N passed, N failed` and `, N skipped` when something could not run here. */
export function formatSummary(checks: readonly Check[]): string {
  const count = (s: Check['status']) => checks.filter((c) => c.status === s).length;
  const skippedCount = count('SKIPPED');
  return `${count('PASS')} passed, ${count('FAIL')} failed${skippedCount > 0 ? `, ${skippedCount} skipped` : ''}`;
}
