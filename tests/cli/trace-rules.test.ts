import { describe, expect, it } from 'vitest';
import { runCliScript } from './run-cli';

const cli = (...args: string[]) => runCliScript('cli/main.ts', ['trace-rules', ...args]);
const packet = ['--src', '10.244.1.2', '--dst', '10.96.0.10', '--dport', '80', '--local-ip', '192.168.0.11'];

describe('npm run cli -- trace-rules', () => {
  it('prints the path by line, the deciding DNAT rule, the packet after NAT, the conntrack entry and the notes', () => {
    const r = cli('--file', 'tests/fixtures/node-dumps/docker-counters.txt', ...packet);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^read: iptables-save output\npath:\n/);
    expect(r.out).toContain('  nat PREROUTING: ACCEPT\n');
    expect(r.out).toMatch(/ {4}line {4}47 {2}dnat {5}KUBE-SEP-XT7GCFF26GVQ7U4V #2 {2}--to-destination 10\.244\.2\.3:8080\n/);
    expect(r.out).toContain('  routing: forward via eth0\n');
    expect(r.out).toContain(
      'deciding rule: line 47: -A KUBE-SEP-XT7GCFF26GVQ7U4V -p tcp -m comment --comment "default/svc1:http" -m tcp -j DNAT --to-destination 10.244.2.3:8080\n',
    );
    expect(r.out).toContain('packet: 10.244.1.2:40000 -> 10.96.0.10:80 tcp  =>  10.244.1.2:40000 -> 10.244.2.3:8080 tcp\n');
    expect(r.out).toContain('conntrack: tcp      6 120 SYN_SENT src=10.244.1.2 dst=10.96.0.10 sport=40000 dport=80 [UNREPLIED]');
    expect(r.out).toContain('  line 36: error: not a rule: "COMMITT"\n');
    expect(r.out).toContain('  line 96: not-modelled: -m owner is not modelled: counted as not matching\n');
  }, 60_000);

  it('reads an nft list ruleset dump: the header says so, each pass names its base chain, the dnat rule its line', () => {
    const r = cli('--file', 'tests/fixtures/node-dumps/nft-docker-calico.txt', ...packet, '--route', '10.244.2.0/24=flannel.1');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^read: nft list ruleset output\npath:\n/);
    expect(r.out).toContain('  ip kube-proxy nat-prerouting (nat, priority -100) PREROUTING: ACCEPT\n');
    // The routing decision follows the last chain of PREROUTING.
    expect(r.out).toMatch(
      /\n {2}inet firewalld filter_PREROUTING \(filter, priority 10\) PREROUTING: ACCEPT \(policy\)\n( {4}line .*\n)+ {2}routing: forward via flannel\.1\n/,
    );
    expect(r.out).toMatch(/deciding rule: line 18[03]: meta l4proto tcp dnat to 10\.244\.2\.[23]:8080 # handle 11[47]\n/);
    expect(r.out).toContain(
      '  line 44: error: not nft list ruleset output (a table starts with "table ip NAME {"): "root@vm1:~# nft -a list ruleset | tail -n +40"\n',
    );
    expect(r.out).toContain('  line 16: not-modelled: xt match rpfilter is not modelled: counted as not matching\n');
  }, 60_000);

  it('traces an IPv6 packet through ip6tables-save output: the DNAT to [addr]:port by its line, the packet bracketed, conntrack compressed', () => {
    const r = cli(
      '--file',
      'tests/fixtures/node-dumps/kube-proxy-ipv6.txt',
      '--src',
      'fd00:10:244:1::2',
      '--dst',
      'fd00:10:96:0:0:0:0:a',
      '--dport',
      '80',
      '--local-ip',
      'fd00:192:168::11',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ {4}line {4}50 {2}dnat {5}KUBE-SEP-YRAJEJUL42TPLY3Y #2 {2}--to-destination \[fd00:10:244:2::3\]:8080\n/);
    expect(r.out).toContain(
      'deciding rule: line 50: -A KUBE-SEP-YRAJEJUL42TPLY3Y -p tcp -m comment --comment "default/svc1:http" -m tcp -j DNAT --to-destination [fd00:10:244:2::3]:8080\n',
    );
    expect(r.out).toContain(
      'packet: [fd00:10:244:1::2]:40000 -> [fd00:10:96::a]:80 tcp  =>  [fd00:10:244:1::2]:40000 -> [fd00:10:244:2::3]:8080 tcp\n',
    );
    expect(r.out).toContain(
      'conntrack: tcp      6 120 SYN_SENT src=fd00:10:244:1::2 dst=fd00:10:96::a sport=40000 dport=80 [UNREPLIED] src=fd00:10:244:2::3 dst=fd00:10:244:1::2 sport=8080 dport=40000 mark=0 use=1\n',
    );
    expect(r.out).toContain('  line 26: error: not in a table');
    expect(r.out).toContain('  line 11: not-modelled: -m rt is not modelled: counted as not matching\n');
  }, 60_000);

  it.each([
    [['--file', 'no/such/dump.txt', ...packet], 'packetwalk: cannot read dump no/such/dump.txt'],
    [['--file', 'README.md', ...packet], 'packetwalk: no table found: paste iptables-save output'],
    [
      ['--file', 'tests/fixtures/node-dumps/kube-proxy-ipv6.txt', ...packet],
      'packetwalk: no IPv4 raw, mangle, nat or filter table (iptables-save) found for an IPv4 packet: the dump has only ip6tables-save tables',
    ],
    [['--file', 'tests/fixtures/node-dumps/dual-stack.txt', '--src', '10.244.1.2', '--dst', '10.96.0.10'], 'trace-rules needs --dport'],
  ])(
    'exits 2 with a clear message on unusable input: %j',
    (args, message) => {
      const r = cli(...args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain(message);
    },
    60_000,
  );
});
