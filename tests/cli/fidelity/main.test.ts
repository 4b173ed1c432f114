import { describe, expect, it } from 'vitest';
import { runFidelity } from '../../../cli/fidelity/main';
import { BOGUS_GENERATOR, CORPUS_FILE, corpusOf, realCase, realCorpus, writeCorpus } from './corpus-fixtures';

const lines = (stdout: string): string[] => stdout.trimEnd().split('\n');

describe('runFidelity', () => {
  it('passes the real corpus, and every PASS line says what it compared', () => {
    const run = runFidelity(CORPUS_FILE);
    expect(run.exitCode).toBe(0);
    const out = lines(run.stdout);
    expect(out).toContain('PASS TestOverallIPTablesRules (1 full dump)');
    expect(out).toContain('PASS TestTracePacket (7 flows)');
    for (const line of out.filter((l) => l.startsWith('PASS ')))
      expect(line).toMatch(/ \(.*(\d+ (full dump|partial dump|flow|step|chain name|probabilit|sorted dump)|KUBE-\S+ chain).*\)$/);
    expect(out.at(-1)).toMatch(/^\d+ passed, 0 failed, 0 unsupported \(\d+ checks\)$/);
  });

  it('exits non-zero on an empty corpus, even when its auxiliary tables pass', () => {
    const run = runFidelity(writeCorpus(corpusOf([], realCorpus.auxiliary)));
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/has no cases, so nothing was checked/);
  });

  it('exits non-zero when no check ran: a case with no expectations is UNSUPPORTED, not PASS', () => {
    const run = runFidelity(writeCorpus(corpusOf([{ ...realCase('TestClusterIPGeneral'), packetFlows: [] }])));
    expect(lines(run.stdout)).toEqual([
      'UNSUPPORTED TestClusterIPGeneral: nothing to compare: no expected rules, chain rules or packet flows',
      '0 passed, 0 failed, 1 unsupported (0 checks)',
    ]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/no check ran/);
  });

  it('does not pass a sequence step with no expected rules', () => {
    const c = { ...realCase('TestInternalTrafficPolicy/internalTrafficPolicy is cluster'), kind: 'sequence' };
    const run = runFidelity(writeCorpus(corpusOf([c])));
    expect(run.stdout).not.toMatch(/^PASS/m);
    expect(run.stdout).toMatch(
      /^UNSUPPORTED TestInternalTrafficPolicy\/internalTrafficPolicy is cluster: step 1 has no expected rules; step 2 has no expected rules$/m,
    );
  });

  it('runs and passes the other cases when one uses a localDetector.mode it does not know, and names that value', () => {
    const unknown = realCase('TestNoEndpointsReject') as { config: { localDetector: { mode: string } } };
    unknown.config.localDetector.mode = 'NodeCIDR';
    const run = runFidelity(writeCorpus(corpusOf([realCase('TestClusterIPGeneral'), unknown, realCase('TestOverallIPTablesRules')])));
    expect(lines(run.stdout)).toEqual([
      'PASS TestClusterIPGeneral (9 flows)',
      'UNSUPPORTED TestNoEndpointsReject: config.localDetector.mode "NodeCIDR" (this runner models "ClusterCIDR")',
      'PASS TestOverallIPTablesRules (1 full dump)',
      '2 passed, 0 failed, 1 unsupported (10 checks)',
    ]);
    expect(run.exitCode).toBe(0);
  });

  it('gives FAIL and a non-zero exit when the generator writes rules the tracer cannot parse', () => {
    const run = runFidelity(CORPUS_FILE, { generator: BOGUS_GENERATOR });
    const generated = realCorpus.cases.filter((c) => c['kind'] !== 'static-rules-trace').map((c) => String(c['id']));
    for (const id of generated) expect(run.stdout).toContain(`FAIL ${id}: `);
    expect(run.stdout).toMatch(/generated rules do not parse/);
    expect(run.exitCode).toBe(1);
  });

  it('reports every case of an nftables corpus as UNSUPPORTED, naming nftables mode as missing, and exits non-zero', () => {
    const nft = realCase('TestNoEndpointsReject') as { config: Record<string, unknown> };
    nft.config = { ...nft.config, nftablesFamily: 'ip', table: 'kube-proxy' };
    const run = runFidelity(
      writeCorpus({
        ...corpusOf([nft, { id: 'TestLoadBalancerIngressRouteTypeProxy/ipMode VIP', kind: 'map-element' }]),
        conventions: { nftables: { table: 'kube-proxy' } },
      }),
    );
    const out = lines(run.stdout);
    expect(out.slice(0, 2)).toEqual([
      expect.stringMatching(/^UNSUPPORTED TestNoEndpointsReject: nftables mode is missing/),
      expect.stringMatching(/^UNSUPPORTED TestLoadBalancerIngressRouteTypeProxy\/ipMode VIP: nftables mode is missing/),
    ]);
    expect(run.exitCode).toBe(1);
  });

  it.each([
    ['not JSON', '{', /is not valid JSON/],
    ['not a corpus', { schemaVersion: 2, cases: [] }, /does not match the fidelity schema at schemaVersion/],
    ['a case without an id', { schemaVersion: 1, cases: [{ kind: 'rules' }] }, /does not match the fidelity schema at cases\.0\.id/],
  ])('exits 2 with one line on stderr for a file that is %s', (_what, content, message) => {
    const run = runFidelity(writeCorpus(content));
    expect(run).toMatchObject({ exitCode: 2, stdout: '' });
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('reports a malformed case as FAIL and still runs the others', () => {
    const run = runFidelity(writeCorpus(corpusOf([{ id: 'x', kind: 'rules' }, realCase('TestTracePacket')])));
    expect(lines(run.stdout).slice(0, 2)).toEqual([
      expect.stringMatching(/^FAIL x: does not match the fidelity schema at config:/),
      'PASS TestTracePacket (7 flows)',
    ]);
    expect(run.exitCode).toBe(1);
  });
});
