import { describe, expect, it } from 'vitest';
import { expireIpvsConns, lookupIpvsConn, scheduleConnection, updateIpvsConn, type IpvsConnState, type IpvsState } from '../../../src/ipvs';
import type { TcpFlag } from '../../../src/net/packet';
import { pkt, rs, stateOf, vs } from './fixtures';

const CLIENT = '10.244.1.7:45678';
const VIP = '10.96.120.7:80';
const REAL = '10.244.2.9:8080';

const counters = (state: IpvsState) => {
  const d = state.virtualServers[0]?.realServers[0];
  return [d?.activeConn, d?.inActConn];
};

describe('IPVS TCP states and the real server counters (ip_vs_proto_tcp.c set_tcp_state)', () => {
  it('walks a whole connection: handshake active, close inactive, expiry frees it', () => {
    const first = scheduleConnection(stateOf(vs('tcp', VIP, 'rr', [rs(REAL)])), pkt(CLIENT, VIP, ['SYN']), 0);
    if (first.via === 'none') throw new Error(first.reason);
    // Linux >= 4.9 counts SYN_RECV as active (tcp_state_active_table).
    expect([first.conn.state, first.conn.expiresAt, counters(first.state)]).toEqual(['SYN_RECV', 60, [1, 0]]);

    const steps: [string, string, TcpFlag[], 'original' | 'reply', IpvsConnState, number[]][] = [
      [REAL, CLIENT, ['SYN', 'ACK'], 'reply', 'SYN_RECV', [1, 0]],
      [CLIENT, VIP, ['ACK'], 'original', 'ESTABLISHED', [1, 0]],
      [CLIENT, VIP, ['FIN', 'ACK'], 'original', 'CLOSE_WAIT', [0, 1]],
      [REAL, CLIENT, ['ACK'], 'reply', 'CLOSE_WAIT', [0, 1]],
      [REAL, CLIENT, ['FIN', 'ACK'], 'reply', 'TIME_WAIT', [0, 1]],
      [CLIENT, VIP, ['ACK'], 'original', 'TIME_WAIT', [0, 1]],
    ];
    let state = first.state;
    steps.forEach(([src, dst, flags, dir, expected, count], i) => {
      const p = pkt(src, dst, flags);
      const found = lookupIpvsConn(state, p, dir);
      expect(found?.id).toBe(first.conn.id);
      const r = updateIpvsConn(state, found?.id ?? -1, p, dir, i + 1);
      state = r.state;
      expect([r.conn?.state, counters(state)]).toEqual([expected, count]);
    });
    expect(state.connections[0]?.expiresAt).toBe(6 + 120);
    expect(counters(expireIpvsConns(state, 125))).toEqual([0, 1]);
    const expired = expireIpvsConns(state, 126);
    expect([expired.connections, counters(expired)]).toEqual([[], [0, 0]]);
  });

  it.each<[TcpFlag[], 'original' | 'reply', IpvsConnState]>([
    [['ACK'], 'original', 'ESTABLISHED'],
    [['RST'], 'original', 'CLOSE'],
    [['RST', 'ACK'], 'reply', 'CLOSE'],
    [['FIN', 'ACK'], 'reply', 'FIN_WAIT'],
    [[], 'original', 'CLOSE'],
  ])('from ESTABLISHED, %j (%s) goes to %s', (flags, dir, expected) => {
    const first = scheduleConnection(stateOf(vs('tcp', VIP, 'rr', [rs(REAL)])), pkt(CLIENT, VIP, ['SYN']), 0);
    if (first.via === 'none') throw new Error(first.reason);
    const est = updateIpvsConn(first.state, first.conn.id, pkt(CLIENT, VIP, ['ACK']), 'original', 1);
    const p = dir === 'original' ? pkt(CLIENT, VIP, flags) : pkt(REAL, CLIENT, flags);
    expect(updateIpvsConn(est.state, first.conn.id, p, dir, 2).conn?.state).toBe(expected);
  });

  it('counts every UDP connection as inactive, with a 300 s timer', () => {
    const r = scheduleConnection(
      stateOf(vs('udp', '10.96.0.10:53', 'rr', [rs('10.244.1.5:53')])),
      pkt('10.244.1.7:5353', '10.96.0.10:53', [], 'udp'),
      10,
    );
    if (r.via === 'none') throw new Error(r.reason);
    expect([r.conn.state, r.conn.expiresAt, counters(r.state)]).toEqual(['UDP', 310, [0, 1]]);
  });

  it('does not start a connection on a TCP segment without SYN', () => {
    const r = scheduleConnection(stateOf(vs('tcp', VIP, 'rr', [rs(REAL)])), pkt(CLIENT, VIP, ['ACK']), 0);
    expect(r.via === 'none' && r.reason).toBe('not-syn');
  });

  it('leaves packets to an address:port without a virtual service alone', () => {
    const r = scheduleConnection(stateOf(vs('tcp', VIP, 'rr', [rs(REAL)])), pkt(CLIENT, '10.96.120.7:81'), 0);
    expect(r.via === 'none' && r.reason).toBe('no-virtual-server');
  });
});

describe('persistence (sessionAffinity: ClientIP -> ip_vs_sched_persist)', () => {
  const service = vs('tcp', VIP, 'rr', [rs('10.244.2.9:8080'), rs('10.244.1.4:8080')], { timeout: 10800 });

  it('keeps a client on its real server across connections until the template times out', () => {
    let state = stateOf(service);
    const run = (client: string, now: number) => {
      const r = scheduleConnection(state, pkt(client, VIP), now);
      if (r.via === 'none') throw new Error(r.reason);
      state = r.state;
      return [r.via, `${r.realServer.ip}:${r.realServer.port}`];
    };
    expect(run('10.244.1.7:40000', 0)).toEqual(['scheduled', '10.244.2.9:8080']);
    expect(run('10.244.1.7:40001', 100)).toEqual(['persistent', '10.244.2.9:8080']);
    expect(run('10.244.3.3:40000', 200)).toEqual(['scheduled', '10.244.1.4:8080']);
    expect(state.templates.map((t) => [t.clientIp, t.realIp, t.expiresAt])).toEqual([
      ['10.244.1.7', '10.244.2.9', 100 + 10800],
      ['10.244.3.3', '10.244.1.4', 200 + 10800],
    ]);
    // Still stuck just before the template expires (its conns are long gone by then).
    expect(run('10.244.1.7:40002', 10899)).toEqual(['persistent', '10.244.2.9:8080']);
    state = expireIpvsConns(state, 10899 + 10800 + 1000);
    expect(state.templates).toEqual([]);
    expect(run('10.244.1.7:40003', 10899 + 10800 + 1000)).toEqual(['scheduled', '10.244.2.9:8080']);
  });

  it('drops the template of a draining real server (expire_quiescent_template=1)', () => {
    let state = stateOf(service);
    const first = scheduleConnection(state, pkt('10.244.1.7:40000', VIP), 0);
    if (first.via === 'none') throw new Error(first.reason);
    state = {
      ...first.state,
      virtualServers: first.state.virtualServers.map((v) => ({
        ...v,
        realServers: v.realServers.map((d) => (d.ip === '10.244.2.9' ? { ...d, weight: 0 } : d)),
      })),
    };
    const again = scheduleConnection(state, pkt('10.244.1.7:40001', VIP), 5);
    expect(again.via !== 'none' && [again.via, again.realServer.ip]).toEqual(['scheduled', '10.244.1.4']);
  });
});
