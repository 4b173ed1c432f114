import { describe, expect, it } from 'vitest';
import { createConntrackEntry, emptyConntrackTable, lookupConntrack, translatePacket, type ConntrackNat } from '../../../src/conntrack';
import { numberToIpv4 } from '../../../src/net/ipv4';
import type { Packet } from '../../../src/net/packet';
import { createRng, type Rng } from '../../../src/net/rng';
import { tcp } from './packets';

const ip = (rng: Rng) => numberToIpv4((10 << 24) + rng.nextInt(1, 0xffffff - 1));

/** Swaps a packet's ends: what the server sends back to whatever it saw. */
const answer = (p: Packet): Packet => ({ ...p, srcIp: p.dstIp, dstIp: p.srcIp, srcPort: p.dstPort, dstPort: p.srcPort });

describe('property: a reply always reverses the original NAT', () => {
  it.each(Array.from({ length: 50 }, (_, seed) => [seed]))('seed %i', (seed) => {
    const rng = createRng(seed);
    const client = `${ip(rng)}:${rng.nextInt(1024, 65535)}`;
    const service = `${ip(rng)}:${rng.nextInt(1, 65535)}`;
    const nat: ConntrackNat = {
      ...(rng.nextInt(0, 3) > 0 ? { dnat: { ip: ip(rng), port: rng.nextInt(1, 65535) } } : {}),
      ...(rng.nextInt(0, 1) === 1 ? { snat: { ip: ip(rng), port: rng.nextInt(1024, 65535) } } : {}),
    };
    const syn = tcp(client, service, 'SYN');
    const { table, entry } = createConntrackEntry(emptyConntrackTable(), syn, nat, 0);
    const onWire = translatePacket(entry, syn, 'original');
    const reply = answer(onWire);
    // The server's answer finds the entry in the reply direction...
    expect(lookupConntrack(table, reply, 1)?.direction).toBe('reply');
    // ...and leaves the node as exactly the inverse of what the client sent.
    expect(translatePacket(entry, reply, 'reply')).toEqual(answer(syn));
  });
});
