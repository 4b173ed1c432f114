import { describe, expect, it } from 'vitest';
import { runCliScript } from './run-cli';

const cli = (...args: string[]) => runCliScript('cli/main.ts', args);
const ENDPOINT_LINE = /^(\d+\.\d+\.\d+\.\d+:\d+) (\S+) (\d+)$/;
const endpointLines = (out: string) =>
  out
    .trim()
    .split('\n')
    .filter((l) => ENDPOINT_LINE.test(l))
    .map((l) => ENDPOINT_LINE.exec(l)!.slice(1));

describe('npm run cli -- lb', () => {
  it('three-replicas, 3000 connections: one IP:PORT POD COUNT line per endpoint, each within 10% of 1000, then chi-square, df and p-value', () => {
    const r = cli('lb', '--preset', 'three-replicas', '--connections', '3000');
    expect(r.code).toBe(0);
    const lines = endpointLines(r.out);
    expect(lines.map(([endpoint, pod]) => `${endpoint} ${pod}`)).toEqual([
      '10.244.1.3:8080 pod2',
      '10.244.2.2:8080 pod3',
      '10.244.2.3:8080 pod4',
    ]);
    const counts = lines.map(([, , n]) => Number(n));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3000);
    for (const n of counts) expect(Math.abs(n - 1000)).toBeLessThanOrEqual(100);
    expect(r.out.trim().split('\n').at(-1)).toMatch(/^chi-square \d+\.\d{3} df 2 p-value 0\.\d+$/);
    expect(r.err).toContain('all stay open');
  }, 60_000);

  it('--mode ipvs (rr): exactly 1000 each; session-affinity: all on one endpoint; both say why there is no p-value', () => {
    const ipvs = cli('lb', '--preset', 'three-replicas', '--mode', 'ipvs', '--connections', '3000');
    expect(endpointLines(ipvs.out).map(([, , n]) => n)).toEqual(['1000', '1000', '1000']);
    expect(ipvs.out).toContain('chi-square 0.000 df 2 p-value n/a (rr takes the real servers in turn: no random draw)');
    const affinity = cli('lb', '--preset', 'session-affinity', '--connections', '3000');
    expect(
      endpointLines(affinity.out)
        .map(([, , n]) => Number(n))
        .sort((a, b) => a - b),
    ).toEqual([0, 3000]);
    expect(affinity.out).toContain("p-value n/a (session affinity: every connection follows the client's first)");
  }, 60_000);

  it('--mode nftables: numgen gives each endpoint 1/3 (a p-value), and the same seed lands each connection where iptables mode does', () => {
    const nft = cli('lb', '--preset', 'three-replicas', '--mode', 'nftables', '--connections', '600', '--seed', '5');
    expect(nft.code).toBe(0);
    expect(nft.err).toContain('nftables, seed 5');
    expect(endpointLines(nft.out)).toHaveLength(3);
    expect(nft.out.trim().split('\n').at(-1)).toMatch(/^chi-square \d+\.\d{3} df 2 p-value 0\.\d+$/);
    expect(nft.out).toBe(cli('lb', '--preset', 'three-replicas', '--mode', 'iptables', '--connections', '600', '--seed', '5').out);
  }, 60_000);

  it('--seed changes the draws; the same seed repeats them', () => {
    const a = cli('lb', '--preset', 'three-replicas', '--connections', '300', '--seed', '3').out;
    expect(cli('lb', '--preset', 'three-replicas', '--connections', '300', '--seed', '3').out).toBe(a);
    expect(cli('lb', '--preset', 'three-replicas', '--connections', '300', '--seed', '4').out).not.toBe(a);
  }, 60_000);

  it.each([
    [['--connections', '5'], /connections must be a whole number from 10 to 10,000, not 5/],
    [['--connections', 'many'], /--connections must be a whole number/],
    [['--mode', 'nft'], /--mode must be iptables, ipvs or nftables, not "nft"/],
    [['--scheduler', 'fifo'], /--scheduler must be one of rr, wrr/],
    [['--client', 'pod9'], /no pod or node named "pod9"/],
    [['--weight', 'pod2'], /--weight must be POD=N/],
    [['--node', 'vm1'], /Unknown option '--node'/],
  ])(
    '%j: a clear message and exit code 2',
    (args, message) => {
      const r = cli('lb', '--preset', 'three-replicas', ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    },
    60_000,
  );
});
