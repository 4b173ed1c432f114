import type { DumpNote, NodeTraceResult, TablePass, TracedRule } from '../../src/node-trace';

/** A pass's rules as shown: each rule that did something, and the runs of rules that did not match folded into one row. */
export type RuleRun =
  | { readonly kind: 'rule'; readonly rule: TracedRule }
  | {
      readonly kind: 'skipped';
      readonly count: number;
      readonly from: number;
      readonly to: number;
      /** The first UNFOLD_LIMIT of them, for the row to unfold. */
      readonly rules: readonly TracedRule[];
      readonly key: string;
    };

export interface FoldedPass extends Omit<TablePass, 'rules'> {
  readonly runs: readonly RuleRun[];
}

/** A trace as the page shows it: the passes folded, at most NOTES_SHOWN notes of each kind, with how many there are. */
export interface ShownTrace extends Omit<NodeTraceResult, 'passes'> {
  readonly passes: readonly FoldedPass[];
  readonly noteTotals: Readonly<Record<DumpNote['kind'], number>>;
}

/** Shorter runs than this are shown rule by rule: folding two rows would hide more than it saves. */
const FOLD_FROM = 4;
/** A folded run unfolds at most this many rows: a run of 10,000 rules would stall the page. */
export const UNFOLD_LIMIT = 500;
/** Notes of one kind shown at most: a pasted log file could make tens of thousands. */
export const NOTES_SHOWN = 200;

/**
 * Folds the runs of `no-match` rules (KUBE-SERVICES with thousands of Services evaluates
 * thousands of them), so that a big node's trace crosses from the worker, renders and
 * reads in a moment.
 */
export function ruleRuns(rules: readonly TracedRule[]): RuleRun[] {
  const out: RuleRun[] = [];
  let run: TracedRule[] = [];
  const flush = () => {
    if (run.length >= FOLD_FROM) {
      const lines = run.map((r) => r.line);
      out.push({
        kind: 'skipped',
        count: run.length,
        from: Math.min(...lines.slice(0, 1), ...lines.slice(-1)),
        to: Math.max(...lines.slice(0, 1), ...lines.slice(-1)),
        rules: run.slice(0, UNFOLD_LIMIT),
        key: `${run[0]!.line}-${run.length}`,
      });
    } else for (const rule of run) out.push({ kind: 'rule', rule });
    run = [];
  };
  for (const rule of rules) {
    if (rule.verdict === 'no-match') run.push(rule);
    else {
      flush();
      out.push({ kind: 'rule', rule });
    }
  }
  flush();
  return out;
}

/** The trace folded in the worker: what crosses to the page is what the page can show. */
export function foldTrace(result: NodeTraceResult): ShownTrace {
  const noteTotals = { error: 0, 'not-modelled': 0, info: 0 };
  const notes = result.notes.filter((n) => ++noteTotals[n.kind] <= NOTES_SHOWN);
  return {
    ...result,
    passes: result.passes.map(({ rules, ...pass }) => ({ ...pass, runs: ruleRuns(rules) })),
    notes,
    noteTotals,
  };
}
