import { describe, expect, it } from 'vitest';
import { formatIpvsadmList } from '../../../src/ipvs';
import { rs, stateOf, vs } from './fixtures';

describe('formatIpvsadmList (ipvsadm -Ln)', () => {
  it('reproduces the kubernetes README sample (pkg/proxy/ipvs/README.md)', () => {
    // Services given out of order: ipvsadm sorts TCP before UDP, then address, then port.
    const state = stateOf(
      vs('udp', '10.0.0.10:53', 'rr', [rs('172.17.0.2:53')]),
      vs('tcp', '10.0.0.10:53', 'rr', [rs('172.17.0.2:53')]),
      vs('tcp', '10.0.0.1:443', 'rr', [rs('192.168.0.1:6443', 1, 1, 0)], { timeout: 10800 }),
    );
    const readme = [
      'IP Virtual Server version 1.2.1 (size=4096)',
      'Prot LocalAddress:Port Scheduler Flags',
      '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
      'TCP  10.0.0.1:443 rr persistent 10800',
      '  -> 192.168.0.1:6443             Masq    1      1          0',
      'TCP  10.0.0.10:53 rr',
      '  -> 172.17.0.2:53                Masq    1      0          0',
      'UDP  10.0.0.10:53 rr',
      '  -> 172.17.0.2:53                Masq    1      0          0',
    ];
    // The README copy lost the trailing spaces that "%-10u" prints; compare without them...
    expect(formatIpvsadmList(state).map((l) => l.trimEnd())).toEqual(readme);
    // ...and check they are there: every dest line is 5 + 28 + 1 + 7 + 1 + 6 + 1 + 10 + 1 + 10 wide.
    expect(
      formatIpvsadmList(state)
        .filter((l) => l.startsWith('  -> '))
        .slice(1)
        .map((l) => l.length),
    ).toEqual([70, 70, 70]);
  });

  it('prints a kube-dns-like node with a draining dest, byte for byte (reference 1.7 render)', () => {
    const state = stateOf(
      vs('udp', '10.96.0.10:53', 'rr', [rs('10.244.1.5:53', 1, 0, 1)]),
      vs('tcp', '10.96.0.10:53', 'rr', [rs('10.244.0.2:53')]),
      vs('tcp', '10.96.0.10:9153', 'rr', [rs('10.244.2.10:9153', 0, 0, 4), rs('10.244.0.2:9153')]),
    );
    expect(formatIpvsadmList(state).slice(3)).toEqual([
      'TCP  10.96.0.10:53 rr',
      '  -> 10.244.0.2:53                Masq    1      0          0         ',
      'TCP  10.96.0.10:9153 rr',
      '  -> 10.244.0.2:9153              Masq    1      0          0         ',
      '  -> 10.244.2.10:9153             Masq    0      0          4         ',
      'UDP  10.96.0.10:53 rr',
      '  -> 10.244.1.5:53                Masq    1      0          1         ',
    ]);
  });

  it.each([
    ['10.96.0.9:80', '10.96.0.10:80'],
    ['10.96.0.10:80', '10.96.0.10:443'],
    ['9.255.255.255:80', '10.0.0.0:80'],
  ])('sorts %s before %s (numeric address, then port)', (a, b) => {
    const lines = formatIpvsadmList(stateOf(vs('tcp', b, 'rr', []), vs('tcp', a, 'rr', [])));
    expect(lines.slice(3)).toEqual([`TCP  ${a} rr`, `TCP  ${b} rr`]);
  });

  it('sorts dests by address then port, not in list order', () => {
    const lines = formatIpvsadmList(
      stateOf(vs('tcp', '10.96.0.1:80', 'rr', [rs('10.244.10.2:80'), rs('10.244.9.2:81'), rs('10.244.9.2:80')])),
    );
    expect(lines.slice(4).map((l) => l.slice(5, 20).trim())).toEqual(['10.244.9.2:80', '10.244.9.2:81', '10.244.10.2:80']);
  });
});
