import { describe, expect, it } from 'vitest';
import { dhBucket, hash32, runScheduler, scheduleConnection, shBucket, type IpvsScheduler } from '../../../src/ipvs';
import { ipv4 } from '../../../src/net/ipv4';
import { pkt, rs, stateOf, vs } from './fixtures';

/** Schedules `n` SYNs from distinct client ports of `client` and returns the real servers chosen. */
function picks(service: ReturnType<typeof vs>, n: number, client = '10.244.1.7'): string[] {
  let state = stateOf(service);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = scheduleConnection(state, pkt(`${client}:${40000 + i}`, `${service.ip}:${service.port}`), i);
    state = r.state;
    out.push(r.via === 'none' ? r.reason : `${r.realServer.ip}:${r.realServer.port}`);
  }
  return out;
}

describe('rr (ip_vs_rr.c)', () => {
  it('cycles through the dest list in list order, starting after the list head', () => {
    const s = vs('tcp', '10.96.0.10:80', 'rr', [rs('10.244.2.3:8080'), rs('10.244.1.5:8080'), rs('10.244.1.4:8080')]);
    expect(picks(s, 4)).toEqual(['10.244.2.3:8080', '10.244.1.5:8080', '10.244.1.4:8080', '10.244.2.3:8080']);
  });

  it('skips a draining (weight 0) dest', () => {
    const s = vs('tcp', '10.96.0.10:80', 'rr', [rs('10.244.2.3:8080', 0, 5), rs('10.244.1.5:8080'), rs('10.244.1.4:8080')]);
    expect(picks(s, 3)).toEqual(['10.244.1.5:8080', '10.244.1.4:8080', '10.244.1.5:8080']);
  });
});

describe('wrr (ip_vs_wrr.c)', () => {
  it('gives a weight-3 dest three turns for each turn of a weight-1 dest', () => {
    const s = vs('tcp', '10.96.0.10:80', 'wrr', [rs('10.244.1.4:80', 3), rs('10.244.1.5:80', 1)]);
    expect(picks(s, 8)).toEqual([
      '10.244.1.4:80',
      '10.244.1.4:80',
      '10.244.1.4:80',
      '10.244.1.5:80',
      '10.244.1.4:80',
      '10.244.1.4:80',
      '10.244.1.4:80',
      '10.244.1.5:80',
    ]);
  });

  it("behaves like rr with kube-proxy's weights (all 1)", () => {
    const s = vs('tcp', '10.96.0.10:80', 'wrr', [rs('10.244.1.4:80'), rs('10.244.1.5:80')]);
    expect(picks(s, 4)).toEqual(['10.244.1.4:80', '10.244.1.5:80', '10.244.1.4:80', '10.244.1.5:80']);
  });
});

describe('least-connection schedulers', () => {
  // overhead (lc, wlc) = active * 256 + inactive; sed and nq use active + 1.
  it.each<[IpvsScheduler, string, ReturnType<typeof rs>[]]>([
    ['lc', '10.244.1.5:80', [rs('10.244.1.4:80', 1, 1, 0), rs('10.244.1.5:80', 1, 0, 5), rs('10.244.1.6:80', 1, 0, 300)]],
    ['lc', '10.244.1.4:80', [rs('10.244.1.4:80', 1, 0, 2), rs('10.244.1.5:80', 1, 0, 2)]],
    // wlc: 256/1 vs (2*256 + 88)/3 = 200 -> the weight-3 dest.
    ['wlc', '10.244.1.5:80', [rs('10.244.1.4:80', 1, 1, 0), rs('10.244.1.5:80', 3, 2, 88)]],
    // sed: (1+1)/1 = 2 vs (4+1)/3 = 1.67; inactive connections do not count.
    ['sed', '10.244.1.5:80', [rs('10.244.1.4:80', 1, 1, 0), rs('10.244.1.5:80', 3, 4, 900)]],
    // nq: the first idle dest (no active connection) wins outright.
    ['nq', '10.244.1.5:80', [rs('10.244.1.4:80', 9, 1, 0), rs('10.244.1.5:80', 1, 0, 50)]],
    // nq without an idle dest is sed.
    ['nq', '10.244.1.5:80', [rs('10.244.1.4:80', 1, 1, 0), rs('10.244.1.5:80', 3, 4, 0)]],
  ])('%s picks %s', (scheduler, expected, dests) => {
    const s = vs('tcp', '10.96.0.10:80', scheduler, dests);
    const pick = runScheduler(s, pkt('10.244.1.7:40000', '10.96.0.10:80'), {});
    expect(pick.index === null ? null : `${dests[pick.index]?.ip}:${dests[pick.index]?.port}`).toBe(expected);
  });
});

describe('weight 0 is never chosen', () => {
  it.each<IpvsScheduler>(['rr', 'wrr', 'lc', 'wlc', 'sed', 'nq', 'sh', 'dh'])('%s', (scheduler) => {
    const s = vs('tcp', '10.96.0.10:80', scheduler, [rs('10.244.1.4:80', 0, 0, 0), rs('10.244.1.5:80', 1, 30, 30)]);
    for (let c = 0; c < 20; c++) {
      const pick = runScheduler(s, pkt(`10.244.${c}.7:40000`, '10.96.0.10:80'), {});
      expect(pick.index === null || s.realServers[pick.index]?.weight === 1).toBe(true);
    }
  });

  it('reports "no destination available" when every dest drains', () => {
    const s = vs('tcp', '10.96.0.10:80', 'rr', [rs('10.244.1.4:80', 0, 3)]);
    expect(picks(s, 1)).toEqual(['no-destination']);
  });
});

describe('sh (ip_vs_sh.c) and dh (ip_vs_dh.c)', () => {
  const golden = (ip: string, mult: bigint, shift: bigint) => {
    const n = ip.split('.').reduce((a, o) => a * 256n + BigInt(o), 0n);
    return Number(((n * mult) & 0xffffffffn) >> shift) & 255;
  };

  it.each(['10.244.1.7', '10.244.2.9', '192.168.0.2'])('hashes %s as hash_32(addr, 8) and (addr * 2654435761) & 255', (ip) => {
    expect(shBucket(ipv4(ip))).toBe(golden(ip, 0x61c88647n, 24n));
    expect(hash32(0, 8)).toBe(0);
    expect(dhBucket(ipv4(ip))).toBe(golden(ip, 2654435761n, 0n));
  });

  it('keeps one client on one real server across connections', () => {
    const s = vs('tcp', '10.96.0.10:80', 'sh', [rs('10.244.1.4:80'), rs('10.244.1.5:80'), rs('10.244.2.3:80')]);
    expect(new Set(picks(s, 10, '10.244.1.7')).size).toBe(1);
  });

  it('spreads different clients over the real servers', () => {
    const s = vs('tcp', '10.96.0.10:80', 'sh', [rs('10.244.1.4:80'), rs('10.244.1.5:80'), rs('10.244.2.3:80')]);
    const chosen = new Set<string>();
    for (let c = 1; c <= 30; c++) chosen.add(picks(s, 1, `10.244.${c}.${c + 10}`)[0] ?? '');
    expect(chosen.size).toBe(3);
  });

  it('dh sends every client of one virtual address to the same real server', () => {
    const s = vs('tcp', '10.96.0.10:80', 'dh', [rs('10.244.1.4:80'), rs('10.244.1.5:80'), rs('10.244.2.3:80')]);
    const chosen = new Set<string>();
    for (let c = 1; c <= 10; c++) chosen.add(picks(s, 1, `10.244.${c}.7`)[0] ?? '');
    expect(chosen.size).toBe(1);
  });
});
