import { describe, expect, it } from 'vitest';
import {
  applyNatAtHook,
  createConntrackEntry,
  emptyConntrackTable,
  lookupConntrack,
  natManipsAt,
  translatePacket,
  type ConntrackNat,
  type NatManip,
} from '../../../src/conntrack';
import { ipv4 } from '../../../src/net/ipv4';
import type { Packet } from '../../../src/net/packet';
import type { NetfilterHook } from '../../../src/trace/types';
import { tcp, udp } from './packets';

const endpoints = (p: Packet) => `${p.srcIp}:${p.srcPort} -> ${p.dstIp}:${p.dstPort}`;

const DNAT: ConntrackNat = { dnat: { ip: ipv4('10.244.2.3'), port: 8080 } };
const HAIRPIN: ConntrackNat = { dnat: { ip: ipv4('10.244.2.3'), port: 8080 }, snat: { ip: ipv4('10.244.2.1'), port: 47809 } };

describe('translatePacket', () => {
  const dnatEntry = createConntrackEntry(emptyConntrackTable(), tcp('10.244.1.2:39916', '10.96.0.10:80', 'SYN'), DNAT, 0);
  const hairpinEntry = createConntrackEntry(emptyConntrackTable(), tcp('10.244.2.3:41148', '10.96.0.10:80', 'SYN'), HAIRPIN, 0);

  it('DNATs original-direction packets to the backend in the reply tuple', () => {
    const out = translatePacket(dnatEntry.entry, tcp('10.244.1.2:39916', '10.96.0.10:80', 'ACK'), 'original');
    expect(endpoints(out)).toBe('10.244.1.2:39916 -> 10.244.2.3:8080');
  });

  it("restores the Service IP:port as the reply's source", () => {
    const reply = tcp('10.244.2.3:8080', '10.244.1.2:39916', 'SYN', 'ACK');
    const match = lookupConntrack(dnatEntry.table, reply, 1);
    expect(match?.direction).toBe('reply');
    const out = translatePacket(dnatEntry.entry, reply, 'reply');
    expect(endpoints(out)).toBe('10.96.0.10:80 -> 10.244.1.2:39916');
    expect(out.flags).toEqual(['SYN', 'ACK']);
  });

  it('applies both DNAT and masquerade to a hairpin connection, and undoes both on the reply', () => {
    const orig = translatePacket(hairpinEntry.entry, tcp('10.244.2.3:41148', '10.96.0.10:80', 'SYN'), 'original');
    expect(endpoints(orig)).toBe('10.244.2.1:47809 -> 10.244.2.3:8080');
    const reply = translatePacket(hairpinEntry.entry, tcp('10.244.2.3:8080', '10.244.2.1:47809', 'SYN', 'ACK'), 'reply');
    expect(endpoints(reply)).toBe('10.96.0.10:80 -> 10.244.2.3:41148');
  });

  it('leaves packets of an entry without NAT alone', () => {
    const plain = createConntrackEntry(emptyConntrackTable(), udp('10.244.1.2:47349', '10.244.2.3:8080'), {}, 0);
    const p = udp('10.244.2.3:8080', '10.244.1.2:47349');
    expect(translatePacket(plain.entry, p, 'reply')).toEqual(p);
  });
});

describe('natManipsAt: which hook does which half (nf_nat_packet flips the NAT bit for replies)', () => {
  const { entry } = createConntrackEntry(emptyConntrackTable(), tcp('10.244.2.3:41148', '10.96.0.10:80', 'SYN'), HAIRPIN, 0);
  const dnatOnly = createConntrackEntry(emptyConntrackTable(), tcp('10.244.1.2:39916', '10.96.0.10:80', 'SYN'), DNAT, 0).entry;

  it.each<['original' | 'reply', NetfilterHook, readonly NatManip[]]>([
    ['original', 'PREROUTING', ['dnat']],
    ['original', 'OUTPUT', ['dnat']],
    ['original', 'FORWARD', []],
    ['original', 'POSTROUTING', ['snat']],
    ['original', 'INPUT', ['snat']],
    ['reply', 'PREROUTING', ['un-snat']],
    ['reply', 'OUTPUT', ['un-snat']],
    ['reply', 'FORWARD', []],
    ['reply', 'POSTROUTING', ['un-dnat']],
    ['reply', 'INPUT', ['un-dnat']],
  ])('hairpin entry, %s packet at %s: %j', (direction, hook, manips) => {
    expect(natManipsAt(entry, direction, hook)).toEqual(manips);
  });

  it.each<['original' | 'reply', NetfilterHook, readonly NatManip[]]>([
    ['original', 'PREROUTING', ['dnat']],
    ['original', 'POSTROUTING', []],
    ['reply', 'PREROUTING', []],
    ['reply', 'POSTROUTING', ['un-dnat']],
  ])('DNAT-only entry, %s packet at %s: %j', (direction, hook, manips) => {
    expect(natManipsAt(dnatOnly, direction, hook)).toEqual(manips);
  });

  it('keeps the backend pod as source until POSTROUTING, where the reply becomes the Service IP (lab nft trace)', () => {
    let p = tcp('10.244.2.3:8080', '10.244.1.2:39916', 'SYN', 'ACK');
    const seen: string[] = [];
    for (const hook of ['PREROUTING', 'FORWARD', 'POSTROUTING'] as const) {
      p = applyNatAtHook(dnatOnly, p, 'reply', hook);
      seen.push(`${hook} ${endpoints(p)}`);
    }
    expect(seen).toEqual([
      'PREROUTING 10.244.2.3:8080 -> 10.244.1.2:39916',
      'FORWARD 10.244.2.3:8080 -> 10.244.1.2:39916',
      'POSTROUTING 10.96.0.10:80 -> 10.244.1.2:39916',
    ]);
  });

  it('walking every hook gives the same packet as translatePacket', () => {
    const hooks = ['PREROUTING', 'FORWARD', 'POSTROUTING'] as const;
    for (const [p, d] of [
      [tcp('10.244.2.3:41148', '10.96.0.10:80', 'ACK'), 'original'],
      [tcp('10.244.2.3:8080', '10.244.2.1:47809', 'ACK'), 'reply'],
    ] as const) {
      const walked = hooks.reduce((acc, hook) => applyNatAtHook(entry, acc, d, hook), p);
      expect(walked).toEqual(translatePacket(entry, p, d));
    }
  });
});
