import { applyProxierOp, newProxierState, type ProxierOp, type ProxierState } from '../../src/kube-proxy';
import { failed, passed, unsupported, type CaseResult } from './case-result';
import { configOf, type RunContext } from './run-context';
import type { FidelityCase } from './schema';

type LargeClusterCase = Extract<FidelityCase, { kind: 'large-cluster-assertions' }>;
type Step = LargeClusterCase['steps'][number];
type EndpointCount = NonNullable<Step['countEndpointsAndComments']>;

const KNOWN_OPS = ['addService', 'updateService', 'deleteService', 'addEndpointSlice', 'updateEndpointSlice', 'deleteEndpointSlice'];

/**
 * The test's countEndpointsAndComments (proxier_test.go): over the `-A KUBE-SEP-` lines
 * that DNAT, the last one containing `match`, how many there are, and how many keep a
 * comment. Large-cluster mode is visible only here: its SEP rules lose their comments.
 */
export function countEndpointsAndComments(restore: string, match: string): { matched: string; numEndpoints: number; numComments: number } {
  let matched = '';
  let numEndpoints = 0;
  let numComments = 0;
  for (const line of restore.split('\n')) {
    if (!line.startsWith('-A KUBE-SEP-') || !line.includes('-j DNAT')) continue;
    numEndpoints++;
    if (line.includes('--comment')) numComments++;
    if (line.includes(match)) matched = line;
  }
  return { matched, numEndpoints, numComments };
}

/** The step's assertions on one sync's restore text: the first that does not hold, or null. */
function checkStep(step: Step, restore: string): { readonly checks: number; readonly problem: string | null } {
  let checks = 0;
  const expected: EndpointCount | undefined = step.countEndpointsAndComments;
  if (expected !== undefined) {
    const got = countEndpointsAndComments(restore, expected.matchEndpoint);
    for (const key of ['matched', 'numEndpoints', 'numComments'] as const) {
      const want = expected[key];
      if (want === undefined) continue;
      checks++;
      if (got[key] !== want) {
        return {
          checks,
          problem: `${key} for "${expected.matchEndpoint}": expected ${JSON.stringify(want)}, got ${JSON.stringify(got[key])}`,
        };
      }
    }
  }
  for (const text of step.contains ?? []) {
    checks++;
    if (!restore.includes(text)) return { checks, problem: `the restore text does not contain ${JSON.stringify(text)}` };
  }
  for (const text of step.notContains ?? []) {
    checks++;
    if (restore.includes(text)) return { checks, problem: `the restore text contains ${JSON.stringify(text)}` };
  }
  return { checks, problem: null };
}

/**
 * Runs TestSyncProxyRulesLargeClusterMode's syncs in order (full or partial, with or
 * without the once-per-syncPeriod stale chain cleanup) and checks what each sync wrote.
 */
export function runLargeCluster(c: LargeClusterCase, ctx: RunContext): CaseResult {
  let state: ProxierState = newProxierState(configOf(c.config, ctx));
  let checks = 0;
  for (const [i, step] of c.steps.entries()) {
    for (const op of step.ops) {
      if (!KNOWN_OPS.includes(op.op))
        return unsupported(c.id, `step ${i + 1}: operation "${op.op}" (this runner applies ${KNOWN_OPS.join(', ')})`);
      const next = applyProxierOp(state, op as unknown as ProxierOp);
      if (!next.ok) return failed(c.id, `step ${i + 1}: ${next.error}`);
      state = next.value;
    }
    const cleanup = step.staleChainCleanupDue === undefined ? {} : { staleChainCleanupDue: step.staleChainCleanupDue };
    const synced = ctx.generator.sync(state, { full: step.syncType === 'full', ...cleanup });
    state = synced.state;
    const result = checkStep(step, synced.result.restore);
    if (result.problem !== null) return failed(c.id, `step ${i + 1} (${step.syncType} sync): ${result.problem}`);
    checks += result.checks;
  }
  return passed(c.id, checks, `${c.steps.length} syncs, ${checks} assertions`);
}
