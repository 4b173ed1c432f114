import { describe, expect, it } from 'vitest';
import {
  addNatToConntrackEntry,
  createConntrackEntry,
  emptyConntrackTable,
  isValidFirstPacket,
  lookupConntrack,
  replyTupleFor,
  tupleOfPacket,
  type ConntrackNat,
} from '../../../src/conntrack';
import { ipv4 } from '../../../src/net/ipv4';
import type { TcpFlag } from '../../../src/net/packet';
import { tcp, udp } from './packets';

const fmt = (t: { src: string; dst: string; sport: number; dport: number }) => `${t.src}:${t.sport} -> ${t.dst}:${t.dport}`;

describe('replyTupleFor (reference section 2.3)', () => {
  const orig = tupleOfPacket(tcp('10.244.1.2:39916', '10.96.0.10:80', 'SYN'));
  it.each<[string, ConntrackNat, string]>([
    ['no NAT: the original, swapped', {}, '10.96.0.10:80 -> 10.244.1.2:39916'],
    [
      'DNAT: the backend and targetPort in the source',
      { dnat: { ip: ipv4('10.244.2.3'), port: 8080 } },
      '10.244.2.3:8080 -> 10.244.1.2:39916',
    ],
    ['DNAT without a port keeps the Service port', { dnat: { ip: ipv4('10.244.2.3') } }, '10.244.2.3:80 -> 10.244.1.2:39916'],
    [
      'SNAT: the masquerade address and port in the destination',
      { snat: { ip: ipv4('192.168.0.11'), port: 61000 } },
      '10.96.0.10:80 -> 192.168.0.11:61000',
    ],
    [
      'both',
      { dnat: { ip: ipv4('10.244.2.3'), port: 8080 }, snat: { ip: ipv4('10.244.2.1'), port: 47809 } },
      '10.244.2.3:8080 -> 10.244.2.1:47809',
    ],
  ])('%s', (_name, nat, expected) => {
    expect(fmt(replyTupleFor(orig, nat))).toBe(expected);
  });
});

describe('createConntrackEntry', () => {
  it('assigns ids in creation order starting at 1', () => {
    const a = createConntrackEntry(emptyConntrackTable(), udp('10.244.1.2:1000', '10.96.0.10:53'), {}, 0);
    const b = createConntrackEntry(a.table, udp('10.244.1.2:1001', '10.96.0.10:53'), {}, 0);
    expect([a.entry.id, b.entry.id]).toEqual([1, 2]);
    expect(b.table.entries.map((e) => e.id)).toEqual([1, 2]);
    expect(b.table.nextId).toBe(3);
  });

  it('does not change the table it was given', () => {
    const empty = emptyConntrackTable();
    createConntrackEntry(empty, udp('10.244.1.2:1000', '10.96.0.10:53'), {}, 0);
    expect(empty.entries).toEqual([]);
  });

  it('records DNAT/SNAT only when the tuple really changed (a DNAT to the same address is no NAT)', () => {
    const same = createConntrackEntry(
      emptyConntrackTable(),
      tcp('10.244.1.2:1', '10.244.2.3:8080', 'SYN'),
      { dnat: { ip: ipv4('10.244.2.3'), port: 8080 } },
      0,
    );
    expect([same.entry.dnat, same.entry.snat]).toEqual([false, false]);
  });

  it.each<[readonly TcpFlag[], boolean]>([
    [['SYN'], true],
    [['ACK'], true],
    [['SYN', 'ACK'], false],
    [['FIN', 'ACK'], false],
    [['RST'], false],
  ])('a TCP %j may start a connection: %s', (flags, valid) => {
    expect(isValidFirstPacket(tcp('10.244.1.2:1', '10.96.0.10:80', ...flags))).toBe(valid);
  });

  it('refuses to create an entry from an INVALID first packet', () => {
    expect(() => createConntrackEntry(emptyConntrackTable(), tcp('10.244.1.2:1', '10.96.0.10:80', 'RST'), {}, 0)).toThrow(/INVALID/);
  });

  it('adds the masquerade decided in POSTROUTING to an entry that already has its DNAT', () => {
    const created = createConntrackEntry(
      emptyConntrackTable(),
      tcp('10.244.2.3:41148', '10.96.0.10:80', 'SYN'),
      { dnat: { ip: ipv4('10.244.2.3'), port: 8080 } },
      0,
    );
    const { entry, table } = addNatToConntrackEntry(created.table, created.entry.id, { snat: { ip: ipv4('10.244.2.1'), port: 47809 } });
    expect(fmt(entry.reply)).toBe('10.244.2.3:8080 -> 10.244.2.1:47809');
    expect([entry.dnat, entry.snat]).toEqual([true, true]);
    expect(table.entries).toEqual([entry]);
  });
});

describe('lookupConntrack', () => {
  const { table } = createConntrackEntry(
    emptyConntrackTable(),
    tcp('10.244.1.2:39916', '10.96.0.10:80', 'SYN'),
    { dnat: { ip: ipv4('10.244.2.3'), port: 8080 } },
    0,
  );

  it.each<[string, ReturnType<typeof tcp>, 'original' | 'reply' | null]>([
    ['a later client packet, before DNAT', tcp('10.244.1.2:39916', '10.96.0.10:80', 'ACK'), 'original'],
    ["the backend's answer, before un-DNAT", tcp('10.244.2.3:8080', '10.244.1.2:39916', 'SYN', 'ACK'), 'reply'],
    ['another client port', tcp('10.244.1.2:39917', '10.96.0.10:80', 'SYN'), null],
    ['the same ports over UDP', udp('10.244.1.2:39916', '10.96.0.10:80'), null],
    ['an answer from the Service IP (un-DNAT already done)', tcp('10.96.0.10:80', '10.244.1.2:39916', 'ACK'), null],
  ])('%s -> %s', (_name, packet, direction) => {
    const match = lookupConntrack(table, packet, 1);
    expect(match?.direction ?? null).toBe(direction);
    if (match) expect(match.entry.id).toBe(1);
  });

  it('does not find an entry whose timer ran out', () => {
    const p = tcp('10.244.1.2:39916', '10.96.0.10:80', 'SYN');
    expect(lookupConntrack(table, p, 119.9)).not.toBeNull();
    expect(lookupConntrack(table, p, 120)).toBeNull();
  });
});
