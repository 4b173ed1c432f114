import { describe, expect, it } from 'vitest';
import { evaluateChain } from '../../../src/netfilter/evaluate';
import { parseIptablesRestore } from '../../../src/netfilter/parse-restore';
import { findChain } from '../../../src/netfilter/ruleset';
import { unwrap } from '../../../src/net/result';
import { context, env, packet } from './fixtures';

/** kube-proxy's nat table for `services` ClusterIP services with `endpoints` endpoints each. */
function bigNatTable(services: number, endpoints: number): string {
  const decl: string[] = ['*nat', ':KUBE-SERVICES - [0:0]', ':KUBE-MARK-MASQ - [0:0]'];
  const rules: string[] = [
    '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000',
  ];
  for (let s = 0; s < services; s++) {
    const vip = `10.96.${s >> 8}.${s & 255}`;
    const name = `ns/svc${s}:http`;
    decl.push(`:KUBE-SVC-S${s} - [0:0]`);
    rules.push(`-A KUBE-SERVICES -m comment --comment "${name} cluster IP" -m tcp -p tcp -d ${vip} --dport 80 -j KUBE-SVC-S${s}`);
    rules.push(
      `-A KUBE-SVC-S${s} -m comment --comment "${name} cluster IP" -m tcp -p tcp -d ${vip} --dport 80 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ`,
    );
    for (let e = 0; e < endpoints; e++) {
      const ep = `10.${100 + (s >> 12)}.${(s >> 4) & 255}.${((s & 15) << 4) + e}`;
      const statistic = e < endpoints - 1 ? ` -m statistic --mode random --probability ${(1 / (endpoints - e)).toFixed(10)}` : '';
      decl.push(`:KUBE-SEP-S${s}E${e} - [0:0]`);
      rules.push(`-A KUBE-SVC-S${s} -m comment --comment "${name} -> ${ep}:8080"${statistic} -j KUBE-SEP-S${s}E${e}`);
      rules.push(`-A KUBE-SEP-S${s}E${e} -m comment --comment ${name} -s ${ep} -j KUBE-MARK-MASQ`);
      rules.push(`-A KUBE-SEP-S${s}E${e} -m comment --comment ${name} -m tcp -p tcp -j DNAT --to-destination ${ep}:8080`);
    }
  }
  return [...decl, ...rules, 'COMMIT', ''].join('\n');
}

describe('a 10,000-service x 10-endpoint ruleset', () => {
  const text = bigNatTable(10_000, 10);
  const ruleset = unwrap(parseIptablesRestore(text));

  // Speed is measured by `npm run -s bench`, never asserted here.
  it('parses 300,000 rules and finds chains by name', () => {
    expect(findChain(ruleset, 'nat', 'KUBE-SVC-S9999')?.rules).toHaveLength(11);
    expect(ruleset.tables[0]?.ruleOrder.length).toBe(2 + 10_000 * 32);
  });

  it('evaluates a packet to the last Service, walking past every KUBE-SERVICES rule before it', () => {
    const p = packet('10.244.5.7', '10.96.39.15', 80); // service 9999, the last KUBE-SERVICES rule
    let dst = '';
    for (let run = 0; run < 20; run++) {
      const r = evaluateChain(ruleset, 'nat', 'PREROUTING', context(p), env(run));
      dst = r.packet.dstIp;
      expect(r.nat?.kind).toBe('dnat');
      expect(r.evaluated.length).toBeGreaterThan(10_000);
    }
    expect(dst.startsWith('10.102.')).toBe(true);
  });
});
