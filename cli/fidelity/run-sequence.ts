import {
  applyProxierOp,
  newProxierState,
  sortIptablesRules,
  withBuiltinChains,
  type ProxierOp,
  type ProxierState,
} from '../../src/kube-proxy';
import { failed, nothingCompared, passedComparing, unsupported, type CaseResult, type Compared } from './case-result';
import { firstDifference } from './compare-text';
import { configOf, type RunContext } from './run-context';
import type { FidelityCase } from './schema';
import { checkFlows, parseRules } from './trace-flows';

type SequenceCase = Extract<FidelityCase, { kind: 'sequence' | 'sequence-flows' }>;
type Step = SequenceCase['steps'][number];

const KNOWN_OPS = ['addService', 'updateService', 'deleteService', 'addEndpointSlice', 'updateEndpointSlice', 'deleteEndpointSlice'];

/** The expected restore text of a sequence step, under the names a transcription may use. */
function expectedRestoreOf(step: Record<string, unknown>): string | null {
  const exp = step['expected'];
  if (typeof exp === 'string') return exp;
  if (exp && typeof exp === 'object' && typeof (exp as Record<string, unknown>)['iptablesRestore'] === 'string') {
    return (exp as Record<string, string>)['iptablesRestore'] ?? null;
  }
  for (const k of ['iptablesRestore', 'expectedRules', 'expectedIptablesRestore'])
    if (typeof step[k] === 'string') return step[k] as string;
  return null;
}

/** A step's outcome: the state after it, or the case's result when it cannot go on. */
type StepOutcome = { readonly state: ProxierState; readonly gap: string | null } | { readonly stop: CaseResult };

/**
 * Runs a sequence of informer events and syncs (kube-proxy's tests that call
 * syncProxyRules repeatedly). Every step must compare something: a `sequence` step its
 * expected rules, a `sequence-flows` step at least one flow. A step without is a gap that
 * makes the case UNSUPPORTED (the later steps still run, and a FAIL in them still counts).
 */
export function runSequence(c: SequenceCase, ctx: RunContext): CaseResult {
  let state: ProxierState = newProxierState(configOf(c.config, ctx));
  const compared = nothingCompared();
  const gaps: string[] = [];
  for (const [i, step] of c.steps.entries()) {
    const outcome = runStep(c, step, i + 1, state, ctx, compared);
    if ('stop' in outcome) return outcome.stop;
    state = outcome.state;
    if (outcome.gap !== null) gaps.push(outcome.gap);
  }
  return gaps.length > 0 ? unsupported(c.id, gaps.join('; ')) : passedComparing(c.id, compared);
}

function runStep(c: SequenceCase, step: Step, n: number, before: ProxierState, ctx: RunContext, compared: Compared): StepOutcome {
  let state = before;
  for (const op of step.ops ?? []) {
    if (!KNOWN_OPS.includes(op.op))
      return { stop: unsupported(c.id, `step ${n}: operation "${op.op}" (this runner applies ${KNOWN_OPS.join(', ')})`) };
    const next = applyProxierOp(state, op as unknown as ProxierOp);
    if (!next.ok) return { stop: failed(c.id, `step ${n}: ${next.error}`) };
    state = next.value;
  }
  const full = step.syncType === undefined ? {} : { full: step.syncType === 'full' };
  const synced = ctx.generator.sync(state, full);
  state = synced.state;
  compared.steps++;
  let gap: string | null = null;
  if (c.kind === 'sequence') {
    const expected = expectedRestoreOf(step);
    if (expected === null) gap = `step ${n} has no expected rules`;
    else {
      const diff = firstDifference(expected, sortIptablesRules(synced.result.restore));
      if (diff !== null) return { stop: failed(c.id, `step ${n} (${synced.full ? 'full' : 'partial'} sync) rules ${diff}`) };
      if (synced.full) compared.fullDumps++;
      else compared.partialDumps++;
    }
  }
  // Flows see the whole kernel state, which a full sync of the same inputs writes out.
  const whole = ctx.generator.fullSync(state.config, state.services, state.endpointSlices);
  const parsed = parseRules(withBuiltinChains(whole), `step ${n}: the generated`, state.config.ipFamily);
  if (!parsed.ok) return { stop: failed(c.id, parsed.detail) };
  const flows = checkFlows(parsed.value, step.packetFlows ?? [], ctx.localIPs, `step ${n} `);
  if (flows.kind === 'fail') return { stop: failed(c.id, flows.detail) };
  compared.flows += flows.flows;
  if (c.kind === 'sequence-flows' && flows.flows === 0) gap = `step ${n} has no packet flows`;
  return { state, gap };
}
