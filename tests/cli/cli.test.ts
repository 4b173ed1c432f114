import { describe, expect, it } from 'vitest';
import { runCliScript } from './run-cli';

const cli = (...args: string[]) => runCliScript('cli/main.ts', args);

describe('npm run cli', () => {
  it('trace --preset article: the DNAT, the conntrack entry, the reverse NAT and the ACK, identical on every run', () => {
    const first = cli('trace', '--preset', 'article');
    expect(first.code).toBe(0);
    expect(first.out).toContain('SYN dnat: vm1 PREROUTING  [pod-to-service step 4]');
    expect(first.out).toContain('changed dst 10.96.0.10:80 -> 10.244.2.3:8080');
    expect(first.out).toMatch(/=> nat KUBE-SEP-[A-Z0-9]{16}#2 dnat/);
    expect(first.out).toContain('conntrack vm1: new (none) -> SYN_SENT');
    expect(first.out).toContain('SYN-ACK reverse-nat: vm1 POSTROUTING');
    expect(first.out).toContain('changed src 10.244.2.3:8080 -> 10.96.0.10:80');
    expect(first.out).toContain('conntrack vm1: update SYN_RECV -> ESTABLISHED');
    expect(cli('trace', '--preset', 'article').out).toBe(first.out);
  }, 120_000);

  it('trace --format json is the Trace, and --seed changes the choice', () => {
    const a = JSON.parse(cli('trace', '--preset', 'article', '--format', 'json').out);
    const b = JSON.parse(cli('trace', '--preset', 'article', '--seed', '0', '--format', 'json').out);
    expect(a.connections[0].endpointPod).toBe('pod4');
    expect(b.connections[0].endpointPod).toBe('pod3');
  }, 120_000);

  it('rules --node vm1 prints iptables-save for the node', () => {
    const r = cli('rules', '--preset', 'article', '--node', 'vm1');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('*filter');
    expect(r.out).toContain(':PREROUTING ACCEPT [0:0]');
    expect(r.out).toMatch(
      /-A KUBE-SERVICES -d 10\.96\.0\.10\/32 -p tcp -m comment --comment "default\/svc1:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-[A-Z0-9]{16}\n/,
    );
    expect(r.out).toContain('-m statistic --mode random --probability 0.50000000000');
    // The kernel's form, two spaces (kube-proxy's restore input has one).
    expect(r.out).toContain(
      '-A KUBE-FORWARD -m conntrack --ctstate INVALID -m nfacct --nfacct-name  ct_state_invalid_dropped_pkts -j DROP\n',
    );
    expect(r.out.trimEnd().endsWith('COMMIT')).toBe(true);
  }, 60_000);

  it('rules --mode nftables prints nft list table ip kube-proxy for the node', () => {
    const r = cli('rules', '--preset', 'article', '--mode', 'nftables', '--node', 'vm2');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('table ip kube-proxy {');
    expect(r.out).toContain('\t\telements = { 192.168.0.12 }');
    expect(r.out).toMatch(/elements = \{ 10\.96\.0\.10 \. tcp \. 80 : goto service-[A-Z0-9]{8}-default\/svc1\/tcp\/http \}/);
    expect(r.out).toMatch(
      /numgen random mod 2 vmap \{ 0 : goto endpoint-[A-Z0-9]{8}-default\/svc1\/tcp\/http__10\.244\.2\.2\/8080, 1 : goto endpoint-/,
    );
  }, 60_000);

  it('trace --mode nftables: the service-ips lookup, numgen choosing the endpoint, dnat to it, identical on every run', () => {
    const first = cli('trace', '--preset', 'article', '--mode', 'nftables');
    expect(first.code).toBe(0);
    expect(first.out).toContain('packetwalk trace: scenario article, seed 1, nftables mode');
    expect(first.out).toContain('first packet: 27 nft rules evaluated');
    expect(first.out).toMatch(
      /lookup @service-ips 10\.96\.0\.10 \. tcp \. 80: element 10\.96\.0\.10 \. tcp \. 80 : goto service-[A-Z0-9]{8}-default\/svc1\/tcp\/http\n/,
    );
    const numgen = /lookup vmap (\d): element \d : goto endpoint-[A-Z0-9]{8}-default\/svc1\/tcp\/http__(10\.244\.2\.\d)\/8080\n/.exec(
      first.out,
    );
    expect(numgen).not.toBeNull();
    // The DNAT goes where numgen's draw pointed, and the step says so.
    expect(first.out).toContain(`=> ip kube-proxy endpoint-`);
    expect(first.out).toContain(`dnat to ${numgen![2]}:8080): meta l4proto tcp dnat to ${numgen![2]}:8080`);
    expect(first.out).toContain(`changed dst 10.96.0.10:80 -> ${numgen![2]}:8080`);
    expect(first.out).toContain(`numgen random mod 2 drew ${numgen![1]}`);
    expect(cli('trace', '--preset', 'article', '--mode', 'nftables').out).toBe(first.out);
  }, 60_000);

  it('conntrack --mode nftables prints the same conntrack -L lines as iptables mode: conntrack does not care who NATed', () => {
    for (const node of ['vm1', 'vm2']) {
      const nft = cli('conntrack', '--preset', 'article', '--node', node, '--mode', 'nftables');
      expect(nft.code).toBe(0);
      expect(nft.out).toMatch(/ESTABLISHED src=10\.244\.1\.2 /);
      expect(nft.out).toBe(cli('conntrack', '--preset', 'article', '--node', node, '--mode', 'iptables').out);
    }
  }, 60_000);

  it('conntrack --node vm2 prints conntrack -L lines and the summary on stderr', () => {
    const r = cli('conntrack', '--preset', 'article', '--node', 'vm2');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^tcp {6}6 86400 ESTABLISHED src=10\.244\.1\.2 dst=10\.244\.2\.3 sport=\d+ dport=8080 src=10\.244\.2\.3 dst=10\.244\.1\.2 sport=8080 dport=\d+ \[ASSURED\] mark=0 use=1\n$/,
    );
    expect(r.err).toBe('conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.\n');
  }, 60_000);

  it('ipvs --node vm1 prints ipvsadm -Ln in its exact format, the real server the connection took counted', () => {
    const r = cli('ipvs', '--preset', 'article', '--node', 'vm1');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'IP Virtual Server version 1.2.1 (size=4096)',
        'Prot LocalAddress:Port Scheduler Flags',
        '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
        'TCP  10.96.0.10:80 rr',
        '  -> 10.244.2.2:8080              Masq    1      0          0         ',
        '  -> 10.244.2.3:8080              Masq    1      1          0         ',
        '',
      ].join('\n'),
    );
    expect(cli('ipvs', '--preset', 'article', '--node', 'vm1', '--connections').out).toMatch(
      /^IPVS connection entries\npro expire state {7}source {13}virtual {12}destination\nTCP 15:00 {2}ESTABLISHED 10\.244\.1\.2:\d+ +10\.96\.0\.10:80 +10\.244\.2\.3:8080\n$/,
    );
  }, 60_000);

  it('trace --mode ipvs shows kube-ipvs0, the INPUT hook, the rewrite by IPVS and the reply reversed', () => {
    const r = cli('trace', '--preset', 'article', '--mode', 'ipvs');
    expect(r.code).toBe(0);
    expect(r.out).toContain('scenario article, seed 1, ipvs mode');
    expect(r.out).toContain('SYN route: vm1/PREROUTING -> vm1/kube-ipvs0');
    expect(r.out).toContain('SYN dnat: vm1 INPUT');
    expect(r.out).toContain('the rr scheduler picks the real server 10.244.2.3:8080');
    expect(r.out).toContain('SYN-ACK reverse-nat: vm1 FORWARD');
    expect(r.out).toContain('changed src 10.244.2.3:8080 -> 10.96.0.10:80');
  }, 60_000);

  it('kube-ipvs0 and ipset views', () => {
    expect(cli('kube-ipvs0', '--preset', 'article', '--node', 'vm2').out).toContain('    inet 10.96.0.10/32 scope global kube-ipvs0\n');
    expect(cli('ipset', '--preset', 'article', '--node', 'vm2').out).toMatch(
      /Name: KUBE-LOOP-BACK\nType: hash:ip,port,ip\n[\s\S]*Members:\n10\.244\.2\.2,tcp:8080,10\.244\.2\.2\n10\.244\.2\.3,tcp:8080,10\.244\.2\.3\n/,
    );
  }, 60_000);

  it.each([
    [['trace', '--mode', 'nft'], /--mode must be iptables, ipvs or nftables, not "nft"/],
    [['ipvs', '--preset', 'article'], /ipvs needs --node/],
    [['ipvs', '--preset', 'article', '--node', 'vm1', '--mode', 'iptables'], /drop --mode iptables/],
    [
      ['ipset', '--preset', 'article', '--node', 'vm1', '--mode', 'nftables'],
      /ipset shows IPVS mode's state, which nftables mode does not have: drop --mode nftables/,
    ],
    [['trace', '--preset', 'nope'], /unknown preset "nope"/],
    [['trace', '--bogus'], /Unknown option '--bogus'/],
    [['dance'], /unknown command "dance"/],
    [['rules', '--preset', 'article'], /rules needs --node/],
    [['rules', '--preset', 'article', '--node', 'vm9'], /unknown node "vm9"/],
    [['trace', '--seed', 'x'], /--seed must be a whole number/],
    [['trace', '--format', 'xml'], /--format must be text or json/],
    [['trace', '--scenario', '/nonexistent.json'], /cannot read scenario/],
  ])(
    '%j: one clear line on stderr, exit code 2',
    (args, message) => {
      const r = cli(...args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    },
    60_000,
  );
});
