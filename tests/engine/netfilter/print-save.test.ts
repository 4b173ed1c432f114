import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIptablesRestore } from '../../../src/netfilter/parse-restore';
import { parseRule } from '../../../src/netfilter/parse-rule';
import { formatIptablesSave } from '../../../src/netfilter/print-save';
import { formatIptablesRestore } from '../../../src/netfilter/print-restore';
import { ruleSaveText } from '../../../src/netfilter/rule-save-text';
import { unwrap } from '../../../src/net/result';

// Expectations copied from the reference (kube-proxy-iptables.md sections 2, 6-8 and 14:
// real iptables-save output and the libxt_* save formats), written before the printer.
describe('a rule in iptables-save form', () => {
  it.each([
    [
      'kube-dns ClusterIP: -d gets /32 and moves before -p; the comment is quoted',
      '-A KUBE-SERVICES -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp -p udp -d 10.96.0.10 --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU',
      '-A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU',
    ],
    [
      'masquerade rule: ! -s before -d',
      '-A KUBE-SVC-TCOU7JCQXEZGVUNU -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp -p udp -d 10.96.0.10 --dport 53 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-TCOU7JCQXEZGVUNU ! -s 10.244.0.0/16 -d 10.96.0.10/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j KUBE-MARK-MASQ',
    ],
    [
      'hairpin rule: an unquoted comment is printed quoted',
      '-A KUBE-SEP-IT2ZTR26TO4XFPTO -m comment --comment kube-system/kube-dns:dns-tcp -s 10.244.0.9 -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-IT2ZTR26TO4XFPTO -s 10.244.0.9/32 -m comment --comment "kube-system/kube-dns:dns-tcp" -j KUBE-MARK-MASQ',
    ],
    [
      'DNAT rule: -p tcp first, -m tcp stays after the comment',
      '-A KUBE-SEP-IT2ZTR26TO4XFPTO -m comment --comment kube-system/kube-dns:dns-tcp -m tcp -p tcp -j DNAT --to-destination 10.244.0.9:53',
      '-A KUBE-SEP-IT2ZTR26TO4XFPTO -p tcp -m comment --comment "kube-system/kube-dns:dns-tcp" -m tcp -j DNAT --to-destination 10.244.0.9:53',
    ],
    [
      'statistic 0.5 prints with 11 decimals',
      '-A KUBE-SVC-4SW47YFZTEDKD3PK -m comment --comment "ns4/svc4:p80 -> 10.180.0.4:80" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-UKSFD7AGPMPPLUHC',
      '-A KUBE-SVC-4SW47YFZTEDKD3PK -m comment --comment "ns4/svc4:p80 -> 10.180.0.4:80" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-UKSFD7AGPMPPLUHC',
    ],
    [
      'session affinity check: recent prints its defaults',
      '-A KUBE-SVC-NUKIZ6OKUXPJNT4C -m comment --comment "ns5/svc5:p80 -> 10.180.0.3:80" -m recent --name KUBE-SEP-I77PXRDZVX7PMWMN --rcheck --seconds 10800 --reap -j KUBE-SEP-I77PXRDZVX7PMWMN',
      '-A KUBE-SVC-NUKIZ6OKUXPJNT4C -m comment --comment "ns5/svc5:p80 -> 10.180.0.3:80" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-I77PXRDZVX7PMWMN --mask 255.255.255.255 --rsource -j KUBE-SEP-I77PXRDZVX7PMWMN',
    ],
    [
      'session affinity record',
      '-A KUBE-SEP-I77PXRDZVX7PMWMN -m comment --comment ns5/svc5:p80 -m recent --name KUBE-SEP-I77PXRDZVX7PMWMN --set -m tcp -p tcp -j DNAT --to-destination 10.180.0.3:80',
      '-A KUBE-SEP-I77PXRDZVX7PMWMN -p tcp -m comment --comment "ns5/svc5:p80" -m recent --set --name KUBE-SEP-I77PXRDZVX7PMWMN --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.180.0.3:80',
    ],
    [
      '--or-mark becomes --set-xmark V/V',
      '-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000',
      '-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000',
    ],
    [
      "real kube-proxy's %#08x mark reads the same",
      '-A KUBE-MARK-MASQ -j MARK --or-mark 0x00004000',
      '-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000',
    ],
    [
      '--xor-mark becomes --set-xmark V/0x0',
      '-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000',
      '-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0',
    ],
    [
      'mark match with !',
      '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
      '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
    ],
    [
      'MASQUERADE --random-fully',
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
    ],
    [
      'plain REJECT prints its default icmp-port-unreachable',
      '-A KUBE-SERVICES -m comment --comment "ns6/svc6:p80 has no endpoints" -m tcp -p tcp -d 172.30.0.46 --dport 80 -j REJECT',
      '-A KUBE-SERVICES -d 172.30.0.46/32 -p tcp -m comment --comment "ns6/svc6:p80 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
    ],
    [
      'KUBE-FIREWALL: ! -s before -d, negated ctstate',
      '-A KUBE-FIREWALL -m comment --comment "block incoming localnet connections" -d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
      '-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
    ],
    [
      'conntrack NEW',
      '-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    ],
    [
      // kube-proxy writes one space; iptables-save on a node prints two (measured, iptables 1.8.9).
      'localhost NodePort with nfacct',
      '-A KUBE-NODEPORTS -m comment --comment ns2/svc2:p80 -m tcp -p tcp -d 127.0.0.0/8 --dport 3001 -m nfacct --nfacct-name localhost_nps_accepted_pkts -j KUBE-EXT-GNZBNJ2PO5MGZ6GT',
      '-A KUBE-NODEPORTS -d 127.0.0.0/8 -p tcp -m comment --comment "ns2/svc2:p80" -m tcp --dport 3001 -m nfacct --nfacct-name  localhost_nps_accepted_pkts -j KUBE-EXT-GNZBNJ2PO5MGZ6GT',
    ],
    [
      'the built-in chain jump rule',
      '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    ],
    [
      'interfaces come after addresses and before -p',
      '-A KUBE-SVC-X -p tcp ! -i cali+ -d 10.96.0.1 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-X -d 10.96.0.1/32 ! -i cali+ -p tcp -j KUBE-MARK-MASQ',
    ],
    ['-p tcp --dport alone loads the tcp match', '-A INPUT -p tcp --dport 22 -j ACCEPT', '-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT'],
    [
      'a rule without -j',
      '-A KUBE-FW-X -m comment --comment "other traffic to ns5/svc5:p80 will be dropped by KUBE-PROXY-FIREWALL"',
      '-A KUBE-FW-X -m comment --comment "other traffic to ns5/svc5:p80 will be dropped by KUBE-PROXY-FIREWALL"',
    ],
  ])('%s', (_name, restore, save) => {
    const rule = unwrap(parseRule(restore));
    expect(rule.restoreText).toBe(restore);
    expect(ruleSaveText(rule)).toBe(save);
    // iptables-save output read back prints the same (a fixed point).
    expect(ruleSaveText(unwrap(parseRule(save)))).toBe(save);
  });

  it.each([
    ['0.5000000000', '0.50000000000'],
    ['0.3333333333', '0.33333333349'],
    ['0.2000000000', '0.20000000019'],
    ['0.1000000000', '0.10000000009'],
    ['1.0000000000', '1.00000000000'],
  ])('statistic --probability %s is quantised like libxt_statistic to %s', (given, printed) => {
    const rule = unwrap(parseRule(`-A KUBE-SVC-X -m statistic --mode random --probability ${given} -j KUBE-SEP-X`));
    expect(ruleSaveText(rule)).toBe(`-A KUBE-SVC-X -m statistic --mode random --probability ${printed} -j KUBE-SEP-X`);
  });
});

describe('formatIptablesSave', () => {
  const corpus = JSON.parse(readFileSync(new URL('../../fidelity/kube-proxy-cases.json', import.meta.url), 'utf8')) as {
    cases: { id: string; rules?: string }[];
  };
  const dump = corpus.cases.find((c) => c.id === 'TestTracePacket')?.rules ?? '';
  const ruleset = unwrap(parseIptablesRestore(dump));

  it('prints built-in chains with their policy, then user chains sorted by name, then rules in that chain order', () => {
    const lines = formatIptablesSave(ruleset).split('\n');
    expect(lines.slice(0, 13)).toEqual([
      '*filter',
      ':INPUT ACCEPT [0:0]',
      ':FORWARD ACCEPT [0:0]',
      ':OUTPUT ACCEPT [0:0]',
      ':KUBE-EXTERNAL-SERVICES - [0:0]',
      ':KUBE-FIREWALL - [0:0]',
      ':KUBE-FORWARD - [0:0]',
      ':KUBE-NODEPORTS - [0:0]',
      ':KUBE-PROXY-FIREWALL - [0:0]',
      ':KUBE-SERVICES - [0:0]',
      '-A INPUT -m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS',
      '-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES',
      '-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD',
    ]);
    const natStart = lines.indexOf('*nat');
    expect(lines.slice(natStart, natStart + 5)).toEqual([
      '*nat',
      ':PREROUTING ACCEPT [0:0]',
      ':INPUT ACCEPT [0:0]',
      ':OUTPUT ACCEPT [0:0]',
      ':POSTROUTING ACCEPT [0:0]',
    ]);
    expect(lines).toContain('-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000');
    // KUBE-PROXY-FIREWALL sorts before KUBE-SERVICES, whatever the input order.
    expect(lines.findIndex((l) => l.startsWith('-A KUBE-PROXY-FIREWALL'))).toBeLessThan(
      lines.findIndex((l) => l.startsWith('-A KUBE-SERVICES')),
    );
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toBe('COMMIT');
    expect(lines.some((l) => l.startsWith('#'))).toBe(false);
  });

  it('is a fixed point: saving what iptables-save printed prints it again', () => {
    const saved = formatIptablesSave(ruleset);
    expect(formatIptablesSave(unwrap(parseIptablesRestore(saved)))).toBe(saved);
    expect(formatIptablesRestore(unwrap(parseIptablesRestore(saved)))).toBe(saved);
  });

  it('prints a DROP policy on a built-in chain', () => {
    const r = unwrap(parseIptablesRestore('*filter\n:FORWARD DROP [12:3400]\nCOMMIT\n'));
    expect(formatIptablesSave(r)).toBe('*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n');
  });
});
