import { describe, expect, it } from 'vitest';
import {
  createConntrackEntry,
  emptyConntrackTable,
  KERNEL_DEFAULT_TIMEOUTS,
  KUBE_PROXY_TIMEOUTS,
  remainingSeconds,
  updateConntrack,
  type ConntrackNat,
  type ConntrackTable,
  type ConntrackTimeouts,
} from '../../../src/conntrack';
import { ipv4 } from '../../../src/net/ipv4';
import type { Packet, TcpFlag } from '../../../src/net/packet';
import { sctp, tcp, udp } from './packets';

const CLIENT = '10.244.1.2:59772';
const SERVICE = '10.96.0.10:80';
const BACKEND = '10.244.1.3:8080';
const NAT: ConntrackNat = { dnat: { ip: ipv4('10.244.1.3'), port: 8080 } };

type Seg = readonly ['c' | 's', ...TcpFlag[]];
/** Runs a TCP conversation: 'c' segments go client -> Service, 's' backend -> client; one per second. */
function converse(segments: readonly Seg[], timeouts: ConntrackTimeouts = KERNEL_DEFAULT_TIMEOUTS) {
  const created = createConntrackEntry(emptyConntrackTable(), tcp(CLIENT, SERVICE, 'SYN'), NAT, 0, timeouts);
  let table: ConntrackTable = created.table;
  const states: string[] = [created.entry.state ?? ''];
  const timers: number[] = [remainingSeconds(created.entry, 0)];
  let last = { entry: created.entry, outcome: 'accepted' as string };
  segments.forEach(([side, ...flags], i) => {
    const packet = side === 'c' ? tcp(CLIENT, SERVICE, ...flags) : tcp(BACKEND, CLIENT, ...flags);
    const u = updateConntrack(table, created.entry.id, packet, side === 'c' ? 'original' : 'reply', i + 1, timeouts);
    table = u.table;
    states.push(u.to);
    timers.push(remainingSeconds(u.entry, i + 1));
    last = u;
  });
  return { table, states, timers, last };
}

const HANDSHAKE: readonly Seg[] = [
  ['s', 'SYN', 'ACK'],
  ['c', 'ACK'],
];

describe('updateConntrack: TCP', () => {
  it('follows the lab sequence with its timers, clearing [UNREPLIED] on the SYN-ACK and setting [ASSURED] on the ACK', () => {
    const { states, timers } = converse([...HANDSHAKE, ['c', 'FIN', 'ACK'], ['s', 'FIN', 'ACK'], ['c', 'ACK']]);
    expect(states).toEqual(['SYN_SENT', 'SYN_RECV', 'ESTABLISHED', 'FIN_WAIT', 'LAST_ACK', 'TIME_WAIT']);
    expect(timers).toEqual([120, 60, 432000, 120, 30, 120]);
  });

  it('tracks seenReply and assured as the handshake goes', () => {
    const created = createConntrackEntry(emptyConntrackTable(), tcp(CLIENT, SERVICE, 'SYN'), NAT, 0);
    expect(created.entry).toMatchObject({ seenReply: false, assured: false, state: 'SYN_SENT', expiresAt: 120 });
    const synAck = updateConntrack(created.table, 1, tcp(BACKEND, CLIENT, 'SYN', 'ACK'), 'reply', 1);
    expect(synAck.entry).toMatchObject({ seenReply: true, assured: false, state: 'SYN_RECV', expiresAt: 61 });
    const ack = updateConntrack(synAck.table, 1, tcp(CLIENT, SERVICE, 'ACK'), 'original', 2);
    expect(ack.entry).toMatchObject({ seenReply: true, assured: true, state: 'ESTABLISHED', expiresAt: 432002 });
    expect(ack).toMatchObject({ from: 'SYN_RECV', to: 'ESTABLISHED', outcome: 'accepted' });
  });

  it('reaches CLOSE_WAIT when the server closes first (60 s; 3600 s on kube-proxy nodes)', () => {
    const segs: readonly Seg[] = [...HANDSHAKE, ['s', 'FIN', 'ACK'], ['c', 'ACK']];
    expect(converse(segs).states.slice(-2)).toEqual(['FIN_WAIT', 'CLOSE_WAIT']);
    expect(converse(segs).timers.slice(-1)).toEqual([60]);
    expect(converse(segs, KUBE_PROXY_TIMEOUTS).timers.slice(-1)).toEqual([3600]);
  });

  it('then goes LAST_ACK and TIME_WAIT when the client closes too', () => {
    const { states, timers } = converse([...HANDSHAKE, ['s', 'FIN', 'ACK'], ['c', 'ACK'], ['c', 'FIN', 'ACK'], ['s', 'ACK']]);
    expect(states.slice(-3)).toEqual(['CLOSE_WAIT', 'LAST_ACK', 'TIME_WAIT']);
    expect(timers.slice(-2)).toEqual([30, 120]);
  });

  it.each<[string, Seg]>([
    ['the client', ['c', 'RST']],
    ['the server', ['s', 'RST', 'ACK']],
  ])('goes to CLOSE with a 10 s timer when %s resets an established connection', (_who, rst) => {
    const { states, timers, table } = converse([...HANDSHAKE, rst]);
    expect(states.slice(-1)).toEqual(['CLOSE']);
    expect(timers.slice(-1)).toEqual([10]);
    expect(table.entries).toHaveLength(1);
  });

  it('deletes the entry when the only answer to a SYN is a RST (no listener behind the port)', () => {
    const { table, last } = converse([['s', 'RST', 'ACK']]);
    expect(last.outcome).toBe('killed');
    expect(table.entries).toEqual([]);
  });

  it('uses the 86400 s established timeout when given kube-proxy timeouts', () => {
    expect(converse(HANDSHAKE, KUBE_PROXY_TIMEOUTS).timers).toEqual([120, 60, 86400]);
  });

  it('resets the timer on every packet to the state value', () => {
    const created = createConntrackEntry(emptyConntrackTable(), tcp(CLIENT, SERVICE, 'SYN'), NAT, 0);
    let t = updateConntrack(created.table, 1, tcp(BACKEND, CLIENT, 'SYN', 'ACK'), 'reply', 0).table;
    t = updateConntrack(t, 1, tcp(CLIENT, SERVICE, 'ACK'), 'original', 0).table;
    const later = updateConntrack(t, 1, tcp(CLIENT, SERVICE, 'ACK', 'PSH'), 'original', 5000);
    expect(later.entry.expiresAt).toBe(5000 + 432000);
  });

  it('leaves an INVALID segment without effect (no state change, no timer reset)', () => {
    const created = createConntrackEntry(emptyConntrackTable(), tcp(CLIENT, SERVICE, 'SYN'), NAT, 0);
    const u = updateConntrack(created.table, 1, tcp(CLIENT, SERVICE, 'ACK'), 'original', 50);
    expect(u.outcome).toBe('invalid');
    expect(u.table).toBe(created.table);
    expect(u.entry.expiresAt).toBe(120);
  });

  it('ignores a retransmitted SYN-ACK in SYN_RECV', () => {
    const { last, states } = converse([
      ['s', 'SYN', 'ACK'],
      ['s', 'SYN', 'ACK'],
    ]);
    expect(last.outcome).toBe('ignored');
    expect(states).toEqual(['SYN_SENT', 'SYN_RECV', 'SYN_RECV']);
  });

  it('kills a TIME_WAIT entry when the client reuses the port with a new SYN', () => {
    const { table, last } = converse([...HANDSHAKE, ['c', 'FIN', 'ACK'], ['s', 'FIN', 'ACK'], ['c', 'ACK'], ['c', 'SYN']]);
    expect(last.outcome).toBe('killed');
    expect(table.entries).toEqual([]);
  });

  it('caps a mid-stream pickup (first packet an ACK) at the 300 s unacknowledged timeout', () => {
    const { entry } = createConntrackEntry(emptyConntrackTable(), tcp(CLIENT, SERVICE, 'ACK'), {}, 0);
    expect(entry.state).toBe('ESTABLISHED');
    expect(entry.expiresAt).toBe(300);
    expect(entry.assured).toBe(false);
  });
});

describe('updateConntrack: UDP (nf_conntrack_proto_udp.c)', () => {
  const q = udp('10.244.1.2:33688', '10.96.0.10:53');
  const a = udp('10.244.1.3:53', '10.244.1.2:33688');
  const dns: ConntrackNat = { dnat: { ip: ipv4('10.244.1.3'), port: 53 } };
  type Step = readonly [Packet, 'original' | 'reply', number];

  function run(steps: readonly Step[]) {
    const created = createConntrackEntry(emptyConntrackTable(), q, dns, 0);
    let table = created.table;
    let entry = created.entry;
    for (const [p, d, now] of steps) ({ table, entry } = updateConntrack(table, 1, p, d, now));
    return entry;
  }

  it.each<[string, readonly Step[], { seenReply: boolean; assured: boolean; expiresAt: number }]>([
    ['the query alone', [], { seenReply: false, assured: false, expiresAt: 30 }],
    ['a retransmitted query', [[q, 'original', 5]], { seenReply: false, assured: false, expiresAt: 35 }],
    ['query and answer', [[a, 'reply', 0.1]], { seenReply: true, assured: false, expiresAt: 30.1 }],
    ['an answer 3 s late (the reply itself still gets 30 s)', [[a, 'reply', 3]], { seenReply: true, assured: false, expiresAt: 33 }],
    [
      'a second query within 2 s of the first',
      [
        [a, 'reply', 0.1],
        [q, 'original', 1.5],
      ],
      { seenReply: true, assured: false, expiresAt: 31.5 },
    ],
    [
      'a second query after 2 s: a stream',
      [
        [a, 'reply', 0.1],
        [q, 'original', 2.5],
      ],
      { seenReply: true, assured: true, expiresAt: 122.5 },
    ],
    [
      'a stream that goes on',
      [
        [a, 'reply', 0.1],
        [q, 'original', 2.5],
        [a, 'reply', 60],
      ],
      { seenReply: true, assured: true, expiresAt: 180 },
    ],
  ])('%s', (_name, steps, expected) => {
    const entry = run(steps);
    expect(entry).toMatchObject(expected);
    expect(entry.state).toBeNull();
  });

  it('reports "" as the from/to state of UDP updates', () => {
    const created = createConntrackEntry(emptyConntrackTable(), q, dns, 0);
    expect(updateConntrack(created.table, 1, a, 'reply', 0)).toMatchObject({ from: '', to: '', outcome: 'accepted' });
  });
});

describe('updateConntrack: SCTP (simplified handshake)', () => {
  it('goes COOKIE_WAIT -> COOKIE_WAIT -> COOKIE_ECHOED -> ESTABLISHED [ASSURED] 210 s', () => {
    const c = '10.244.1.2:5000';
    const s = '10.244.2.2:9000';
    const created = createConntrackEntry(emptyConntrackTable(), sctp(c, s), {}, 0);
    let table = created.table;
    const seen: string[] = [created.entry.state ?? ''];
    let assured = false;
    let expiresAt = 0;
    for (const [p, d] of [
      [sctp(s, c), 'reply'],
      [sctp(c, s), 'original'],
      [sctp(s, c), 'reply'],
    ] as const) {
      const u = updateConntrack(table, 1, p, d, 1);
      table = u.table;
      seen.push(u.to);
      ({ assured, expiresAt } = u.entry);
    }
    expect(seen).toEqual(['COOKIE_WAIT', 'COOKIE_WAIT', 'COOKIE_ECHOED', 'ESTABLISHED']);
    expect(assured).toBe(true);
    expect(expiresAt).toBe(211);
  });
});
