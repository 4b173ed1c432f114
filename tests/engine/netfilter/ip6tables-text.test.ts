// ip6tables text: kube-proxy's IPv6 proxier writes the same rules with IPv6 addresses
// (pkg/proxy/iptables/proxier_test.go, TestNodePorts' ipv6 cases); the walk stays IPv4.
import { describe, expect, it } from 'vitest';
import { evaluateChain } from '../../../src/netfilter/evaluate';
import { parseIptablesRestore } from '../../../src/netfilter/parse-restore';
import { formatIptablesSave } from '../../../src/netfilter/print-save';
import { unwrap } from '../../../src/net/result';
import { context, env, packet } from './fixtures';
import { inEnglish } from '../english-detail';

const RESTORE = [
  '*filter',
  ':KUBE-SERVICES - [0:0]',
  '-A KUBE-SERVICES -m comment --comment "ns1/svc6:p80 has no endpoints" -m tcp -p tcp -d fd00:172:30::46 --dport 80 -j REJECT',
  'COMMIT',
  '*nat',
  ':PREROUTING ACCEPT [0:0]',
  ':KUBE-SERVICES - [0:0]',
  ':KUBE-SVC-X - [0:0]',
  ':KUBE-SEP-Y - [0:0]',
  '-A PREROUTING -j KUBE-SERVICES',
  '-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d fd00:172:30:0::41 --dport 80 -j KUBE-SVC-X',
  '-A KUBE-SERVICES -m addrtype --dst-type LOCAL ! -d ::1/128 -j KUBE-NODEPORTS',
  '-A KUBE-SVC-X -m tcp -p tcp -d fd00:172:30::41 --dport 80 ! -s fd00:10::5/64 -j KUBE-MARK-MASQ',
  '-A KUBE-SVC-X -j KUBE-SEP-Y',
  '-A KUBE-SEP-Y -m tcp -p tcp -j DNAT --to-destination [fd00:10:180::2:1]:80',
  'COMMIT',
  '',
].join('\n');

describe('ip6tables text (parseIptablesRestore with family IPv6)', () => {
  const ruleset = unwrap(parseIptablesRestore(RESTORE, { family: 'IPv6' }));
  const saved = formatIptablesSave(ruleset);

  it('prints as ip6tables-save does: canonical addresses with /128 or their prefix, host bits cleared', () => {
    expect(saved).toContain(
      '-A KUBE-SERVICES -d fd00:172:30::41/128 -p tcp -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp --dport 80 -j KUBE-SVC-X\n',
    );
    expect(saved).toContain('-A KUBE-SERVICES ! -d ::1/128 -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS\n');
    expect(saved).toContain('-A KUBE-SVC-X ! -s fd00:10::/64 -d fd00:172:30::41/128 -p tcp -m tcp --dport 80 -j KUBE-MARK-MASQ\n');
  });

  it('prints the DNAT target bracketed and REJECT with the ICMPv6 default', () => {
    expect(saved).toContain('-A KUBE-SEP-Y -p tcp -m tcp -j DNAT --to-destination [fd00:10:180::2:1]:80\n');
    expect(saved).toContain('-j REJECT --reject-with icmp6-port-unreachable\n');
    const v4 = formatIptablesSave(unwrap(parseIptablesRestore('*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j REJECT\nCOMMIT\n')));
    expect(v4).toContain('-A INPUT -j REJECT --reject-with icmp-port-unreachable\n');
  });

  it('refuses IPv6 addresses in iptables (IPv4) text, and IPv4 ones in ip6tables text', () => {
    expect(parseIptablesRestore(RESTORE).ok).toBe(false);
    const v4 = '*nat\n:KUBE-SEP-Y - [0:0]\n-A KUBE-SEP-Y -s 10.180.0.1 -j KUBE-MARK-MASQ\nCOMMIT\n';
    expect(parseIptablesRestore(v4, { family: 'IPv6' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/10\.180\.0\.1" is not an IPv6 address/),
    });
  });

  it('never matches or DNATs an IPv4 packet: the walk is IPv4', () => {
    const r = evaluateChain(ruleset, 'nat', 'PREROUTING', context(packet('10.244.5.7', '10.96.0.50', 80)), env(1));
    expect(r.nat).toBeNull();
    expect(inEnglish(r.evaluated.find((e) => e.chain === 'KUBE-SERVICES'))).toMatchObject({
      verdict: 'no-match',
      detail: '-d fd00:172:30::41/128',
    });
  });
});
