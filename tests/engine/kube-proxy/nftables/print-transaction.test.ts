import { describe, expect, it } from 'vitest';
import { printNftTransaction, syncNftablesRules } from '../../../../src/kube-proxy/nftables';
import { configOf, corpusCase } from './nftables-corpus';

const overall = corpusCase('TestOverallNFTablesRules');
const text = printNftTransaction(syncNftablesRules(configOf(overall), overall.services ?? [], overall.endpointSlices ?? []));
const lines = text.trimEnd().split('\n');

describe('printNftTransaction (the nft -f form)', () => {
  it('declares every table, chain, set and map before any rule or element, so nft -f loads it as it is', () => {
    const kinds = lines.map((l) => l.split(' ')[1]);
    const firstContent = kinds.findIndex((k) => k === 'rule' || k === 'element');
    expect(kinds.slice(firstContent).every((k) => k === 'rule' || k === 'element')).toBe(true);
    expect(kinds[0]).toBe('table');
  });

  it('writes base chains with numeric priorities and comments, sets with flags and timeouts, elements with comments and verdicts', () => {
    expect(lines).toContain('add chain ip kube-proxy filter-prerouting-pre-dnat { type filter hook prerouting priority -110 ; }');
    expect(lines).toContain(
      'add chain ip kube-proxy reject-chain { comment "helper for @no-endpoint-services / @no-endpoint-nodeports" ; }',
    );
    expect(lines).toContain(
      'add set ip kube-proxy affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 { type ipv4_addr ; flags dynamic,timeout ; timeout 10800s ; }',
    );
    expect(lines).toContain(
      'add element ip kube-proxy no-endpoint-services { 172.30.0.46 . tcp . 80 comment "ns6/svc6:p80" : goto reject-chain }',
    );
    expect(lines).toContain(
      'add rule ip kube-proxy cluster-ips-check ip daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"',
    );
  });

  it('ends with one newline', () => {
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });
});
