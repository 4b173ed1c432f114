import { describe, expect, it } from 'vitest';
import { KUBE_PROXY_IPTABLES, type IptablesGenerator } from '../../../cli/fidelity/generator';
import { parseEntry } from '../../../cli/fidelity/parse-entry';
import { runCase } from '../../../cli/fidelity/run-case';
import { runContextOf } from '../../../cli/fidelity/run-context';
import { countEndpointsAndComments } from '../../../cli/fidelity/run-large-cluster';
import { caseSchema, parseCorpus, type FidelityCase } from '../../../cli/fidelity/schema';
import { extraCase, extraCorpus } from './corpus-fixtures';

const parsed = parseCorpus(extraCorpus);
if (!parsed.ok) throw new Error(parsed.error);
const ctx = runContextOf(parsed.value);
const ID = 'TestSyncProxyRulesLargeClusterMode';

function caseOf(raw: unknown): FidelityCase {
  const p = parseEntry(caseSchema, raw, 'test');
  if (!p.ok) throw new Error(p.result.detail);
  return p.value;
}

type Step = { countEndpointsAndComments?: { numComments?: number }; notContains?: string[] };

describe('countEndpointsAndComments', () => {
  it('counts the DNAT rules of SEP chains, those with a comment, and keeps the last one naming the endpoint', () => {
    const restore = [
      '-A KUBE-SEP-A -m comment --comment ns1/svc1:p80 -s 10.0.0.1 -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-A -m comment --comment ns1/svc1:p80 -m tcp -p tcp -j DNAT --to-destination 10.0.0.1:80',
      '-A KUBE-SEP-B -m tcp -p tcp -j DNAT --to-destination 10.0.0.2:80',
      '-A KUBE-SVC-C -m comment --comment "ns1/svc1:p80 -> 10.0.0.1:80" -j KUBE-SEP-A',
    ].join('\n');
    expect(countEndpointsAndComments(restore, '10.0.0.1')).toEqual({
      matched: '-A KUBE-SEP-A -m comment --comment ns1/svc1:p80 -m tcp -p tcp -j DNAT --to-destination 10.0.0.1:80',
      numEndpoints: 2,
      numComments: 1,
    });
  });
});

describe('runCase on TestSyncProxyRulesLargeClusterMode', () => {
  it('passes: SEP comments go past the threshold, and stale chains wait for the syncPeriod', () => {
    expect(runCase(caseOf(extraCase(ID)), ctx)).toMatchObject({ status: 'PASS', detail: '7 syncs, 19 assertions', checks: 19 });
  });

  it('fails when an expectation is wrong, naming the step and the count', () => {
    const c = extraCase(ID) as { steps: Step[] };
    c.steps[1]!.countEndpointsAndComments!.numComments = 3;
    expect(runCase(caseOf(c), ctx)).toMatchObject({
      status: 'FAIL',
      detail: 'step 2 (partial sync): numComments for "203.0.113.4": expected 3, got 0',
    });
  });

  it('fails a generator that deletes stale chains before the syncPeriod has elapsed', () => {
    const eager: IptablesGenerator = {
      ...KUBE_PROXY_IPTABLES,
      sync: (state, o) => KUBE_PROXY_IPTABLES.sync(state, { ...o, staleChainCleanupDue: true }),
    };
    expect(runCase(caseOf(extraCase(ID)), { ...ctx, generator: eager })).toMatchObject({
      status: 'FAIL',
      detail: 'step 5 (partial sync): the restore text contains "-X "',
    });
  });
});
