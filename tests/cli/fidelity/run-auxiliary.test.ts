import { describe, expect, it } from 'vitest';
import { runAuxiliary } from '../../../cli/fidelity/run-auxiliary';
import { realCorpus } from './corpus-fixtures';

describe('runAuxiliary', () => {
  it('passes every hash, probability and sort case of the corpus, naming how many it compared', () => {
    const results = runAuxiliary(realCorpus.auxiliary);
    expect(results.filter((r) => r.status !== 'PASS')).toEqual([]);
    expect(results.find((r) => r.id === 'auxiliary.chainNames')).toMatchObject({ detail: '11 chain names', checks: 11 });
    expect(results.find((r) => r.id === 'auxiliary.computeProbability')).toMatchObject({ detail: '8 probabilities', checks: 8 });
  });

  it('fails a wrong chain-name hash and a wrong probability', () => {
    const r = runAuxiliary({
      chainNames: [{ prefix: 'KUBE-SVC-', hashInput: 'ns1/svc1:p80tcp', expectedChain: 'KUBE-SVC-AAAAAAAAAAAAAAAA' }],
      computeProbability: { values: { '3': '0.3333333334' } },
    });
    expect(r.map((x) => [x.id, x.status])).toEqual([
      ['auxiliary.chainNames', 'FAIL'],
      ['auxiliary.computeProbability', 'FAIL'],
    ]);
  });

  it('reports an empty table and a table it does not read as UNSUPPORTED, never PASS', () => {
    expect(runAuxiliary({ chainNames: [], chainNameRules: { any: 'thing' } })).toMatchObject([
      { id: 'auxiliary.chainNames', status: 'UNSUPPORTED', detail: 'nothing to compare' },
      { id: 'auxiliary.chainNameRules', status: 'UNSUPPORTED', detail: expect.stringMatching(/^this runner does not read this table/) },
    ]);
  });

  it('fails a table whose entries do not match the schema', () => {
    expect(runAuxiliary({ chainNames: [{ hashInput: 'x' }] })).toMatchObject([
      { status: 'FAIL', detail: expect.stringMatching(/schema at 0\.prefix/) },
    ]);
  });
});
