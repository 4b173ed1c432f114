import {
  applyProxierOp,
  newProxierState,
  sortIptablesRules,
  syncProxier,
  syncProxyRules,
  withBuiltinChains,
  type EndpointSliceInput,
  type ProxierConfig,
  type ProxierOp,
  type ProxierState,
  type ServiceInput,
} from '../../src/kube-proxy';
import { chainRules, firstDifference } from './compare-text';
import type { Corpus, FidelityCase } from './schema';
import { checkFlows, type FlowCheck } from './trace-flows';

export type CaseStatus = 'PASS' | 'FAIL' | 'UNSUPPORTED';

/** One line of the fidelity report. */
export interface CaseResult {
  readonly id: string;
  readonly status: CaseStatus;
  readonly detail: string;
}

/** What every case shares: the tracer's LOCAL addresses and the fake node's interfaces. */
export interface RunContext {
  readonly localIPs: readonly string[];
  readonly interfaceAddresses: readonly string[];
}

const DEFAULT_LOCAL_IPS = ['127.0.0.1', '::1', '192.168.0.2', '192.168.1.2', '192.168.99.11', '2001:db8::1', '2001:db8:1::2'];

export function runContextOf(corpus: Corpus): RunContext {
  const conv = corpus.conventions;
  const ifaces = conv?.fakeNetworkInterfaces;
  return {
    localIPs: conv?.testNodeIPs_treatedAsLOCAL_byTracer ?? DEFAULT_LOCAL_IPS,
    interfaceAddresses: ifaces ? Object.values(ifaces).flat() : ['127.0.0.1/8', '::1/128', '192.168.0.2/24'],
  };
}

const KNOWN_OPS = new Set(['addService', 'updateService', 'deleteService', 'addEndpointSlice', 'updateEndpointSlice', 'deleteEndpointSlice']);

function configOf(raw: object, ctx: RunContext): ProxierConfig {
  return { ...(raw as ProxierConfig), interfaceAddresses: ctx.interfaceAddresses };
}

const result = (id: string, status: CaseStatus, detail = ''): CaseResult => ({ id, status, detail });

function fromFlows(id: string, check: FlowCheck): CaseResult {
  return check.kind === 'ok' ? result(id, 'PASS') : result(id, check.kind === 'fail' ? 'FAIL' : 'UNSUPPORTED', check.detail);
}

/** Runs one corpus case against the generator and the test tracer. Pure. */
export function runCase(c: FidelityCase, ctx: RunContext): CaseResult {
  try {
    return runCaseUnsafe(c, ctx);
  } catch (e) {
    return result(c.id, 'FAIL', `exception: ${(e as Error).message}`);
  }
}

function runCaseUnsafe(c: FidelityCase, ctx: RunContext): CaseResult {
  switch (c.kind) {
    case 'static-rules-trace':
      return fromFlows(c.id, checkFlows(c.rules, c.packetFlows, c.config.nodeIPsTreatedAsLOCAL ?? ctx.localIPs));
    case 'rules':
    case 'flows':
    case 'chain': {
      const config = configOf(c.config, ctx);
      const sync = syncProxyRules(config, c.services as ServiceInput[], c.endpointSlices as EndpointSliceInput[]);
      const sorted = sortIptablesRules(sync.restore);
      if (c.kind === 'rules') {
        const diff = firstDifference(c.expected.iptablesRestore, sorted);
        if (diff !== null) return result(c.id, 'FAIL', `rules ${diff}`);
      }
      for (const ce of c.chainExpectations ?? []) {
        const diff = firstDifference(ce.rules, chainRules(sorted, ce.table, ce.chain));
        if (diff !== null) return result(c.id, 'FAIL', `${ce.table} ${ce.chain} ${diff}`);
      }
      return fromFlows(c.id, checkFlows(withBuiltinChains(sync.restore), c.packetFlows ?? [], ctx.localIPs));
    }
    case 'sequence-flows':
    case 'sequence':
      return runSequence(c, ctx);
    case 'large-cluster-assertions':
      return result(c.id, 'UNSUPPORTED', 'large-cluster-assertions case format (the generator has large-cluster mode; this runner cannot read its assertions yet)');
  }
}

type SequenceCase = Extract<FidelityCase, { kind: 'sequence' | 'sequence-flows' }>;

/** The expected restore text of a sequence step, under the names a transcription may use. */
function expectedRestoreOf(step: Record<string, unknown>): string | null {
  const exp = step['expected'];
  if (typeof exp === 'string') return exp;
  if (exp && typeof exp === 'object' && typeof (exp as Record<string, unknown>)['iptablesRestore'] === 'string') {
    return (exp as Record<string, string>)['iptablesRestore'] ?? null;
  }
  for (const k of ['iptablesRestore', 'expectedRules', 'expectedIptablesRestore']) if (typeof step[k] === 'string') return step[k] as string;
  return null;
}

function runSequence(c: SequenceCase, ctx: RunContext): CaseResult {
  let state: ProxierState = newProxierState(configOf(c.config, ctx));
  const notes: string[] = [];
  for (const [i, step] of c.steps.entries()) {
    for (const op of step.ops ?? []) {
      if (!KNOWN_OPS.has(op.op)) return result(c.id, 'UNSUPPORTED', `step ${i + 1}: operation "${op.op}"`);
      const next = applyProxierOp(state, op as unknown as ProxierOp);
      if (!next.ok) return result(c.id, 'FAIL', `step ${i + 1}: ${next.error}`);
      state = next.value;
    }
    const full = step.syncType === undefined ? undefined : step.syncType === 'full';
    const synced = syncProxier(state, full === undefined ? {} : { full });
    state = synced.state;
    if (c.kind === 'sequence') {
      const expected = expectedRestoreOf(step);
      if (expected === null) notes.push(`step ${i + 1} has no expected rules`);
      else {
        const diff = firstDifference(expected, sortIptablesRules(synced.result.restore));
        if (diff !== null) return result(c.id, 'FAIL', `step ${i + 1} (${synced.full ? 'full' : 'partial'} sync) rules ${diff}`);
      }
    }
    // Flows see the whole kernel state, which a full sync of the same inputs writes out.
    const whole = syncProxyRules(state.config, state.services, state.endpointSlices);
    const check = checkFlows(withBuiltinChains(whole.restore), step.packetFlows ?? [], ctx.localIPs, `step ${i + 1} `);
    if (check.kind !== 'ok') return fromFlows(c.id, check);
  }
  return result(c.id, 'PASS', notes.join('; '));
}
