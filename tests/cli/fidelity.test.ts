// cli/fidelity.ts as `npm run -s fidelity` runs it: a subprocess, so its exit status is real.
import { describe, expect, it } from 'vitest';
import { corpusOf, realCorpus, writeCorpus } from './fidelity/corpus-fixtures';
import { runCliScript } from './run-cli';

const run = (args: string[]) => runCliScript('cli/fidelity.ts', args);

describe('cli/fidelity.ts', () => {
  it('runs tests/fidelity/kube-proxy-cases.json by default: one line per case, exit 0 with no FAIL', () => {
    const p = run([]);
    expect(p.out).toMatch(/^PASS TestOverallIPTablesRules \(1 full dump\)$/m);
    expect(p.out.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed, 0 unsupported \(\d+ checks\)$/);
    expect(p.code).toBe(0);
  }, 60_000);

  it('runs the nftables corpus it is given: every case PASS, exit 0', () => {
    const p = run(['tests/fidelity/kube-proxy-nftables-cases.json']);
    expect(p.out).toMatch(/^PASS TestInternalExternalMasquerade\/masqueradeAll \(27 flows\)$/m);
    expect(p.out.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed, 0 unsupported \(\d+ checks\)$/);
    expect(p.code).toBe(0);
  }, 60_000);

  it('runs the extra iptables corpus (NoOp detector, masqueradeAll, IPv6 NodePorts, large-cluster mode): every case PASS, exit 0', () => {
    const p = run(['tests/fidelity/kube-proxy-cases-extra.json']);
    expect(p.out).toMatch(/^PASS TestNodePorts\/ipv6, localhost-nodeports enabled \(filter KUBE-FIREWALL chain, 5 flows\)$/m);
    expect(p.out).toMatch(/^PASS TestSyncProxyRulesLargeClusterMode \(7 syncs, 19 assertions\)$/m);
    expect(p.out.trim().split('\n').at(-1)).toMatch(/^10 passed, 0 failed, 0 unsupported \(\d+ checks\)$/);
    expect(p.code).toBe(0);
  }, 60_000);

  it('exits 1 on an empty corpus, with the reason on stderr', () => {
    const p = run([writeCorpus(corpusOf([], realCorpus.auxiliary))]);
    expect(p.err).toMatch(/has no cases, so nothing was checked/);
    expect(p.code).toBe(1);
  }, 60_000);

  it('exits 2 with one line on stderr for a file that is not a corpus', () => {
    const p = run([writeCorpus({ cases: [] })]);
    expect(p.err.trim().split('\n')).toEqual([expect.stringMatching(/does not match the fidelity schema at schemaVersion/)]);
    expect(p.code).toBe(2);
  }, 60_000);
});
