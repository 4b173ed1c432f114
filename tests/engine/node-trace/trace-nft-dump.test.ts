import { describe, expect, it } from 'vitest';
import { readNodeDump } from '../../../src/node-trace';
import { fixture, podToClusterIp } from './node-dump-fixtures';

/** A small `nft list ruleset`: one table, one chain at `hook`, these rules. */
const ruleset = (hook: string, type: string, priority: string, ...rules: string[]): string =>
  [
    `table ip t {`,
    `\tchain c {`,
    `\t\ttype ${type} hook ${hook} priority ${priority}; policy accept;`,
    ...rules.map((r) => `\t\t${r}`),
    '\t}',
    '}',
  ].join('\n');

describe('traceNodeDump over nft list ruleset dumps', () => {
  it("names the table of each rule as nft does: the dnat rule is kube-proxy's", () => {
    expect(podToClusterIp(fixture('nft-docker-calico.txt')).decidingRule).toMatchObject({
      verdict: 'dnat',
      nftTable: 'ip kube-proxy',
      table: 'nat',
    });
  });

  it('runs every ip and inet base chain of a hook by priority, tables interleaved, as the kernel does', () => {
    const t = podToClusterIp(fixture('nft-docker-calico.txt'));
    const chains = t.passes.map((p) => `${p.hook} ${p.nft!.table} ${p.nft!.chain} ${p.nft!.priority}`);
    expect(chains).toEqual([
      'PREROUTING ip raw PREROUTING -300',
      'PREROUTING ip kube-proxy filter-prerouting-pre-dnat -110',
      'PREROUTING ip nat PREROUTING -100',
      'PREROUTING ip kube-proxy nat-prerouting -100',
      'PREROUTING inet firewalld filter_PREROUTING 10',
      'FORWARD ip filter FORWARD 0',
      'FORWARD ip kube-proxy filter-forward 0',
      'FORWARD inet firewalld filter_FORWARD 10',
      'POSTROUTING ip nat POSTROUTING 100',
      'POSTROUTING ip kube-proxy nat-postrouting 100',
    ]);
    expect(t.passes.map((p) => p.table)).toEqual(['raw', 'filter', 'nat', 'nat', 'filter', 'filter', 'filter', 'filter', 'nat', 'nat']);
    // Docker's FORWARD policy is drop: flannel's rule on line 68 accepts the pod's packet.
    expect(t.passes[5]!.rules.find((r) => r.decided)).toMatchObject({ line: 68, verdict: 'accept' });
  });

  it('notes what it read and did not trace: flowtables, ct helpers, a bridge table (an ip6 table is traced, for IPv6 packets)', () => {
    const notes = readNodeDump(fixture('nft-docker-calico.txt')).notes;
    expect(notes).toContainEqual({
      line: 77,
      kind: 'info',
      code: 'nft-object-not-traced',
      params: { object: 'ct helper helper-tftp-udp' },
    });
    expect(notes).toContainEqual({ line: 82, kind: 'info', code: 'nft-object-not-traced', params: { object: 'flowtable fastpath' } });
    expect(readNodeDump(fixture('nft-kube-proxy.txt')).notes.filter((n) => n.line === 157)).toEqual([]);
    expect(readNodeDump('table bridge b {\n}\n').notes).toEqual([
      { line: 1, kind: 'info', code: 'nft-table-not-traced', params: { table: 'bridge b' } },
    ]);
  });

  it('names what nft lists as a comment in a rule (an xtables match it cannot print) as not modelled', () => {
    const notes = readNodeDump(fixture('nft-docker-calico.txt')).notes;
    expect(notes).toContainEqual(expect.objectContaining({ line: 41, kind: 'not-modelled', name: '# xt_addrtype' }));
  });

  it('counts a not-modelled match as matching on the lines the user lists', () => {
    const text = ruleset('forward', 'filter', 'filter', 'iifgroup 1 counter packets 0 bytes 0 drop', 'ip saddr 10.244.0.0/16 accept');
    const dropped = podToClusterIp(text, { assumeMatching: [4] });
    expect(dropped.verdict).toBe('DROP');
    expect(dropped.decidingRule).toMatchObject({ line: 4, verdict: 'drop' });
    const accepted = podToClusterIp(text);
    expect(accepted.verdict).toBe('ACCEPT');
    expect(accepted.passes[0]!.rules.map((r) => [r.line, r.verdict])).toEqual([
      [4, 'no-match'],
      [5, 'accept'],
    ]);
  });

  it('passes over a statement that only acts (log) and goes on to the verdict', () => {
    const t = podToClusterIp(ruleset('forward', 'filter', '0', 'ip daddr 10.96.0.10 log prefix "svc: " level info drop'));
    expect(t.verdict).toBe('DROP');
    expect(t.notes).toEqual([expect.objectContaining({ line: 4, kind: 'not-modelled', name: 'log' })]);
  });

  it('applies an snat statement: the packet after NAT and the conntrack entry carry it', () => {
    const t = podToClusterIp(ruleset('postrouting', 'nat', 'srcnat', 'ip saddr 10.244.0.0/16 snat to 192.168.0.11'));
    expect(t.packetAfter).toEqual({ src: '192.168.0.11', dst: '10.96.0.10', sport: 40000, dport: 80, protocol: 'tcp' });
    expect(t.conntrack).toContain('[UNREPLIED] src=10.96.0.10 dst=192.168.0.11');
  });

  it('reads on after a line that is not nft, and reports it by number', () => {
    const text = ruleset('forward', 'filter', '0', 'ip daddr 10.96.0.10 accept').replace('\t}', 'Chain FORWARD (policy ACCEPT)\n\t}');
    const t = podToClusterIp(text);
    expect(t.notes).toEqual([
      { line: 5, kind: 'error', code: 'nft-error', params: { reason: 'not an nft rule: "Chain FORWARD (policy ACCEPT)"' } },
    ]);
    expect(t.decidingRule).toMatchObject({ line: 4, verdict: 'accept' });
  });

  it('reads a set declared with typeof, flags interval and elements over several lines', () => {
    const text = [
      'table inet fw {',
      '\tset blocked {',
      '\t\ttypeof ip daddr',
      '\t\tflags interval',
      '\t\tauto-merge',
      '\t\telements = { 10.0.0.0/8,',
      '\t\t\t     10.96.0.0/12 }',
      '\t}',
      '\tchain fwd {',
      '\t\ttype filter hook forward priority filter; policy accept;',
      '\t\tip daddr @blocked counter packets 1 bytes 60 reject',
      '\t}',
      '}',
    ].join('\n');
    const t = podToClusterIp(text);
    expect(t.notes).toEqual([]);
    expect(t.verdict).toBe('REJECT');
    expect(t.decidingRule).toMatchObject({ line: 11, nftTable: 'inet fw' });
  });

  it('says it read iptables-save for iptables-save text', () => {
    expect(podToClusterIp(fixture('kube-proxy-nft.txt')).kind).toBe('iptables');
  });
});
