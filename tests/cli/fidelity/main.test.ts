import { describe, expect, it } from 'vitest';
import { runFidelity } from '../../../cli/fidelity/main';
import { KUBE_PROXY_NFTABLES } from '../../../cli/fidelity/nft-generator';
import { BOGUS_GENERATOR, CORPUS_FILE, NFT_CORPUS_FILE, corpusOf, nftCorpusOf, realCase, realCorpus, writeCorpus } from './corpus-fixtures';

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
      'UNSUPPORTED TestNoEndpointsReject: config.localDetector.mode "NodeCIDR" (this runner models "ClusterCIDR", "NoOp")',
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

  it('runs an nftables corpus through the nftables generator, parser and evaluator: every case PASS, the 95 flows among them', () => {
    const run = runFidelity(NFT_CORPUS_FILE);
    expect(run.exitCode).toBe(0);
    const out = lines(run.stdout);
    expect(out).toContain('PASS TestOverallNFTablesRules (1 full dump; the expected dump parsed and printed back)');
    expect(out).toContain('PASS TestNodePorts/ipv6 (4 flows)');
    const flows = out.map((l) => /(\d+) flows?\)$/.exec(l)?.[1]).reduce((sum, n) => sum + Number(n ?? 0), 0);
    expect(flows).toBe(95);
    expect(out.at(-1)).toMatch(/^\d+ passed, 0 failed, 0 unsupported \(\d+ checks\)$/);
  });

  it.each([
    [
      'an output',
      (f: Record<string, unknown>) => (f['output'] = '10.180.0.1:80'),
      /flow "clusterIP with multiple endpoints": expected output "10.180.0.1:80" masq false, got "10.180.0.1:80, 10.180.2.1:80" masq false/,
    ],
    [
      'a masq',
      (f: Record<string, unknown>) => (f['masq'] = true),
      /flow "clusterIP with multiple endpoints": expected output .* masq true, got .* masq false/,
    ],
  ])('FAILs an nftables flow whose expected %s is changed, naming the flow', (_what, change, message) => {
    const corpus = nftCorpusOf(['TestClusterIPGeneral'], (c) => {
      const flow = (c['packetFlows'] as Record<string, unknown>[]).find((f) => f['name'] === 'clusterIP with multiple endpoints')!;
      change(flow);
    });
    const run = runFidelity(writeCorpus(corpus));
    expect(lines(run.stdout)[0]).toMatch(new RegExp(`^FAIL TestClusterIPGeneral: ${message.source}`));
    expect(run.exitCode).toBe(1);
  });

  it('FAILs the nftables cases when the generator loses the service-ips elements', () => {
    const run = runFidelity(NFT_CORPUS_FILE, {
      nftablesGenerator: (config, services, slices) => {
        const t = KUBE_PROXY_NFTABLES(config, services, slices);
        return { ...t, sets: t.sets.map((s) => (s.name === 'service-ips' ? { ...s, elements: [] } : s)) };
      },
    });
    const out = lines(run.stdout);
    expect(out).toContainEqual(expect.stringMatching(/^FAIL TestOverallNFTablesRules: rules line \d+: /));
    expect(out).toContainEqual(
      expect.stringMatching(/^FAIL TestClusterIPGeneral: flow "simple clusterIP": expected output "10.180.0.1:80"/),
    );
    expect(out).toContainEqual(
      expect.stringMatching(
        /^FAIL TestLoadBalancerIngressRouteTypeProxy\/ipMode VIP: service-ips: element 1.2.3.5 . tcp . 80 expected present, got absent$/,
      ),
    );
    expect(run.exitCode).toBe(1);
  });

  it('reports what the nftables runner does not model as UNSUPPORTED, naming it, for that case only', () => {
    const corpus = nftCorpusOf(['TestInternalTrafficPolicy/internalTrafficPolicy is cluster', 'TestNoEndpointsReject'], (c) => {
      const steps = c['steps'] as { ops: unknown[] }[] | undefined;
      steps?.[1]?.ops.unshift({ op: 'ageStaleChains' });
    });
    const cases = corpus['cases'] as Record<string, unknown>[];
    cases.push({ ...cases[1], id: 'a partial dump', kind: 'sequence' });
    const run = runFidelity(writeCorpus({ ...corpus, auxiliary: { hashExamples: [] } }));
    expect(lines(run.stdout)).toEqual([
      expect.stringMatching(
        /^UNSUPPORTED TestInternalTrafficPolicy\/internalTrafficPolicy is cluster: step 2: operation "ageStaleChains" \(this runner applies /,
      ),
      'PASS TestNoEndpointsReject (6 flows)',
      expect.stringMatching(
        /^UNSUPPORTED a partial dump: kind "sequence" \(this runner models "rules", "flows", "sequence-flows", "map-element"\)$/,
      ),
      expect.stringMatching(/^UNSUPPORTED auxiliary.hashExamples: this runner does not read this table/),
      '1 passed, 0 failed, 3 unsupported (6 checks)',
    ]);
  });

  it('exits 2 for a corpus that names both proxy modes', () => {
    const run = runFidelity(
      writeCorpus({
        ...corpusOf([]),
        title: 'kube-proxy nftables-mode expectations',
        source: { files: [{ path: 'pkg/proxy/iptables/proxier_test.go' }] },
      }),
    );
    expect(run).toMatchObject({ exitCode: 2, stdout: '' });
    expect(run.stderr).toMatch(/names both proxy modes: nftables at title, iptables at source.files.0.path/);
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
