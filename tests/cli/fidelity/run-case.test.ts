import { describe, expect, it } from 'vitest';
import { KUBE_PROXY_IPTABLES } from '../../../cli/fidelity/generator';
import { parseEntry } from '../../../cli/fidelity/parse-entry';
import { runCase } from '../../../cli/fidelity/run-case';
import { configOf, runContextOf } from '../../../cli/fidelity/run-context';
import { caseSchema, parseCorpus, type FidelityCase } from '../../../cli/fidelity/schema';
import { applyProxierOp, newProxierState, sortIptablesRules, type ProxierOp } from '../../../src/kube-proxy';
import { BOGUS_GENERATOR, extraCase, extraCorpus, realCase, realCorpus } from './corpus-fixtures';

const parsed = parseCorpus(realCorpus);
if (!parsed.ok) throw new Error(parsed.error);
const corpus = parsed.value;
const ctx = runContextOf(corpus);

function caseOf(raw: unknown): FidelityCase {
  const p = parseEntry(caseSchema, raw, 'test');
  if (!p.ok) throw new Error(p.result.detail);
  return p.value;
}

describe('the kube-proxy fidelity corpus', () => {
  it.each(corpus.cases.map((c) => [c.id, c] as const))('%s', (_id, raw) => {
    const r = runCase(caseOf(raw), ctx);
    expect(r, r.detail).toMatchObject({ status: 'PASS' });
  });
});

describe('the extra corpus (NoOp detector, masqueradeAll, IPv6 NodePorts, large-cluster mode)', () => {
  const extra = parseCorpus(extraCorpus);
  if (!extra.ok) throw new Error(extra.error);
  const extraCtx = runContextOf(extra.value);
  it.each(extra.value.cases.map((c) => [c.id, c] as const))('%s', (_id, raw) => {
    const r = runCase(caseOf(raw), extraCtx);
    expect(r, r.detail).toMatchObject({ status: 'PASS' });
  });
});

describe('runCase', () => {
  it('reports FAIL with the first differing line when the expected dump is wrong', () => {
    const c = realCase('TestOverallIPTablesRules') as { expected: { iptablesRestore: string } };
    c.expected.iptablesRestore = c.expected.iptablesRestore.replace('0.5000000000', '0.4000000000');
    const r = runCase(caseOf(c), ctx);
    expect(r.status).toBe('FAIL');
    expect(r.detail).toMatch(/^rules line \d+: expected ".*0\.4000000000.*", got ".*0\.5000000000.*"$/);
  });

  it('reports FAIL for a wrong flow expectation', () => {
    const c = realCase('TestClusterIPGeneral') as { packetFlows: { output: string }[] };
    c.packetFlows = [{ ...c.packetFlows[0]!, output: '10.9.9.9:80' }];
    expect(runCase(caseOf(c), ctx).status).toBe('FAIL');
  });

  it.each([
    'TestOverallIPTablesRules',
    'TestClusterIPGeneral',
    'TestMasqueradeRule/randomFully false',
    'TestInternalTrafficPolicy/internalTrafficPolicy is cluster',
  ])('reports FAIL for %s when the generator writes rules the tracer cannot parse', (id) => {
    const r = runCase(caseOf(realCase(id)), { ...ctx, generator: BOGUS_GENERATOR });
    expect(r.status).toBe('FAIL');
    expect(r.detail).toMatch(/generated rules do not parse: .*--bogus/);
  });

  it.each([
    ['flows', { ...realCase('TestClusterIPGeneral'), packetFlows: [] }],
    ['chain', { ...realCase('TestMasqueradeRule/randomFully false'), chainExpectations: [] }],
    ['static-rules-trace', { ...realCase('TestTracePacket'), packetFlows: [] }],
    ['sequence-flows', { ...realCase('TestInternalTrafficPolicy/internalTrafficPolicy is cluster'), steps: [] }],
  ])('reports a %s case with nothing to compare as UNSUPPORTED, not PASS', (_kind, c) => {
    expect(runCase(caseOf(c), ctx)).toMatchObject({ status: 'UNSUPPORTED', detail: expect.stringMatching(/^nothing to compare/) });
  });

  it('names what a PASS compared', () => {
    expect(runCase(caseOf(realCase('TestOverallIPTablesRules')), ctx)).toMatchObject({ status: 'PASS', detail: '1 full dump', checks: 1 });
    expect(runCase(caseOf(realCase('TestNodePorts/ipv4, localhost-nodeports enabled')), ctx)).toMatchObject({
      detail: 'filter KUBE-FIREWALL chain, 5 flows',
      checks: 6,
    });
  });
});

describe('runCase on a sequence', () => {
  const flowsCase = realCase('TestInternalTrafficPolicy/internalTrafficPolicy is cluster') as {
    config: object;
    steps: { ops: ProxierOp[]; expected?: string; packetFlows?: unknown[] }[];
  };

  /** The case as a `sequence` whose steps expect what the engine writes after each sync. */
  function withExpectedRules(): typeof flowsCase {
    const c = { ...structuredClone(flowsCase), kind: 'sequence' };
    let state = newProxierState(configOf(c.config, ctx));
    for (const step of c.steps) {
      for (const op of step.ops) {
        const next = applyProxierOp(state, op);
        if (!next.ok) throw new Error(next.error);
        state = next.value;
      }
      const synced = KUBE_PROXY_IPTABLES.sync(state, {});
      state = synced.state;
      step.expected = sortIptablesRules(synced.result.restore);
    }
    return c;
  }

  it('passes when every step has expected rules, naming full and partial dumps', () => {
    expect(runCase(caseOf(withExpectedRules()), ctx)).toMatchObject({
      status: 'PASS',
      detail: '2 steps: 1 full dump, 1 partial dump, 2 flows',
    });
  });

  it('does not PASS a sequence step without expected rules, even when its flows match', () => {
    const c = withExpectedRules();
    delete c.steps[1]!.expected;
    expect(runCase(caseOf(c), ctx)).toMatchObject({ status: 'UNSUPPORTED', detail: 'step 2 has no expected rules' });
  });

  it('does not PASS a sequence-flows step without flows', () => {
    const c = structuredClone(flowsCase);
    c.steps[0]!.packetFlows = [];
    expect(runCase(caseOf(c), ctx)).toMatchObject({ status: 'UNSUPPORTED', detail: 'step 1 has no packet flows' });
  });

  it('still reports a FAIL in a later step over a missing expectation in an earlier one', () => {
    const c = withExpectedRules();
    delete c.steps[0]!.expected;
    c.steps[1]!.expected = '*filter\nCOMMIT\n';
    expect(runCase(caseOf(c), ctx)).toMatchObject({
      status: 'FAIL',
      detail: expect.stringMatching(/^step 2 \(partial sync\) rules line 2/),
    });
  });
});

describe('configOf', () => {
  it('reads a NoOp local-traffic detector as none, so no rule tells pod traffic by its source', () => {
    const raw = { ...(realCase('TestClusterIPGeneral')['config'] as object), localDetector: { mode: 'NoOp' } };
    expect(configOf(raw, ctx).localDetector).toBeNull();
    expect(configOf(realCase('TestClusterIPGeneral')['config'] as object, ctx).localDetector).toEqual({
      mode: 'ClusterCIDR',
      cidr: '10.0.0.0/8',
    });
  });

  it('fails the masquerade flows of the NoOp variant when the detector is kept', () => {
    const c = extraCase('TestInternalExternalMasquerade/no LocalTrafficDetector') as { config: { localDetector: unknown } };
    c.config.localDetector = { mode: 'ClusterCIDR', cidr: '10.0.0.0/8' };
    expect(runCase(caseOf(c), ctx)).toMatchObject({
      status: 'FAIL',
      detail: expect.stringMatching(/^flow "node to ClusterIP": expected output .* masq false, got .* masq true$/),
    });
  });
});
