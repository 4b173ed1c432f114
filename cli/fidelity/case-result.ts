export type CaseStatus = 'PASS' | 'FAIL' | 'UNSUPPORTED';

/**
 * One line of the fidelity report. `checks` counts the comparisons that ran (a dump, a
 * chain, a flow, a hash...): a PASS always has at least one, so the report can never be
 * green without having compared something.
 */
export interface CaseResult {
  readonly id: string;
  readonly status: CaseStatus;
  /** PASS: what was compared; FAIL: the first difference; UNSUPPORTED: what is missing. */
  readonly detail: string;
  readonly checks: number;
}

export const failed = (id: string, detail: string): CaseResult => ({ id, status: 'FAIL', detail, checks: 0 });
export const unsupported = (id: string, detail: string): CaseResult => ({ id, status: 'UNSUPPORTED', detail, checks: 0 });

/** `n noun(s)`, or null for zero. */
export const countOf = (n: number, noun: string, plural = `${noun}s`): string | null =>
  n === 0 ? null : `${n} ${n === 1 ? noun : plural}`;

/** A PASS for `checks` comparisons described as `what`; UNSUPPORTED when nothing was compared. */
export function passed(id: string, checks: number, what: string): CaseResult {
  if (checks === 0) return unsupported(id, 'nothing to compare');
  return { id, status: 'PASS', detail: what, checks };
}

/** What one case compared, counted as it runs. */
export interface Compared {
  steps: number;
  fullDumps: number;
  partialDumps: number;
  readonly chains: string[];
  flows: number;
}

export const nothingCompared = (): Compared => ({ steps: 0, fullDumps: 0, partialDumps: 0, chains: [], flows: 0 });

/**
 * The case's PASS line, naming what it compared ("1 full dump, 12 flows", "nat
 * KUBE-POSTROUTING chain", "2 steps: 4 flows"), or UNSUPPORTED
 * when it had no expected rules, chains or packet flows at all.
 */
export function passedComparing(id: string, c: Compared): CaseResult {
  const checks = c.fullDumps + c.partialDumps + c.chains.length + c.flows;
  if (checks === 0) return unsupported(id, 'nothing to compare: no expected rules, chain rules or packet flows');
  const chains = c.chains.length === 0 ? null : `${c.chains.join(' and ')} chain${c.chains.length === 1 ? '' : 's'}`;
  const what = [countOf(c.fullDumps, 'full dump'), countOf(c.partialDumps, 'partial dump'), chains, countOf(c.flows, 'flow')]
    .filter((s) => s !== null)
    .join(', ');
  return passed(id, checks, c.steps > 0 ? `${countOf(c.steps, 'step')}: ${what}` : what);
}
