import { describe, expect, it } from 'vitest';
import {
  createConntrackEntry,
  emptyConntrackTable,
  formatConntrackEntry,
  formatConntrackEvent,
  formatConntrackList,
  formatConntrackSummary,
  KUBE_PROXY_TIMEOUTS,
  listConntrackLines,
  updateConntrack,
  type ConntrackNat,
  type ConntrackTable,
} from '../../../src/conntrack';
import { ipv4 } from '../../../src/net/ipv4';
import type { Packet } from '../../../src/net/packet';
import { tcp, udp } from './packets';

/** Builds a TCP connection through the handshake; the ACK lands at t = 1. */
function handshake(client: string, server: string, nat: ConntrackNat, table = emptyConntrackTable()) {
  const created = createConntrackEntry(table, tcp(client, server, 'SYN'), nat, 0);
  const replyFrom = `${created.entry.reply.src}:${created.entry.reply.sport}`;
  const replyTo = `${created.entry.reply.dst}:${created.entry.reply.dport}`;
  let t: ConntrackTable = created.table;
  t = updateConntrack(t, created.entry.id, tcp(replyFrom, replyTo, 'SYN', 'ACK'), 'reply', 0.5).table;
  const last = updateConntrack(t, created.entry.id, tcp(client, server, 'ACK'), 'original', 1);
  return last;
}

describe('formatConntrackEntry: the lines a real kernel printed (kernel-observations.md)', () => {
  it("prints vm1's DNAT entry for pod1 -> 10.96.0.10:80 -> pod4", () => {
    const { entry } = handshake('10.244.1.2:39916', '10.96.0.10:80', {
      dnat: { ip: ipv4('10.244.2.3'), port: 8080 },
    });
    expect(formatConntrackEntry(entry, 1.5)).toBe(
      'tcp      6 431999 ESTABLISHED src=10.244.1.2 dst=10.96.0.10 sport=39916 dport=80 src=10.244.2.3 dst=10.244.1.2 sport=8080 dport=39916 [ASSURED] mark=0 use=1',
    );
  });

  it("prints vm2's plain pod-to-pod entry for the same connection: the Service IP never appears", () => {
    const { entry } = handshake('10.244.1.2:39916', '10.244.2.3:8080', {});
    expect(entry.dnat).toBe(false);
    expect(entry.snat).toBe(false);
    expect(formatConntrackEntry(entry, 1.5)).toBe(
      'tcp      6 431999 ESTABLISHED src=10.244.1.2 dst=10.244.2.3 sport=39916 dport=8080 src=10.244.2.3 dst=10.244.1.2 sport=8080 dport=39916 [ASSURED] mark=0 use=1',
    );
  });

  it('prints the hairpin entry with both DNAT (reply src) and SNAT (reply dst) in the reply tuple', () => {
    const { entry } = handshake('10.244.2.3:41148', '10.96.0.10:80', {
      dnat: { ip: ipv4('10.244.2.3'), port: 8080 },
      snat: { ip: ipv4('10.244.2.1'), port: 47809 },
    });
    expect(entry.dnat).toBe(true);
    expect(entry.snat).toBe(true);
    expect(formatConntrackEntry(entry, 1.5)).toBe(
      'tcp      6 431999 ESTABLISHED src=10.244.2.3 dst=10.96.0.10 sport=41148 dport=80 src=10.244.2.3 dst=10.244.2.1 sport=8080 dport=47809 [ASSURED] mark=0 use=1',
    );
  });

  it.each<[string, string, string, ConntrackNat, string]>([
    [
      'vm1',
      '10.96.0.10:80',
      '10.244.2.3:8080',
      { dnat: { ip: ipv4('10.244.2.3'), port: 8080 } },
      'udp      17 29 src=10.244.1.2 dst=10.96.0.10 sport=47349 dport=80 src=10.244.2.3 dst=10.244.1.2 sport=8080 dport=47349 mark=0 use=1',
    ],
    [
      'vm2',
      '10.244.2.3:8080',
      '10.244.2.3:8080',
      {},
      'udp      17 29 src=10.244.1.2 dst=10.244.2.3 sport=47349 dport=8080 src=10.244.2.3 dst=10.244.1.2 sport=8080 dport=47349 mark=0 use=1',
    ],
  ])('prints the answered UDP entry on %s: neither [UNREPLIED] nor [ASSURED], 30 s timer', (_node, to, backend, nat, line) => {
    const created = createConntrackEntry(emptyConntrackTable(), udp('10.244.1.2:47349', to), nat, 0);
    const { table } = updateConntrack(created.table, created.entry.id, udp(backend, '10.244.1.2:47349'), 'reply', 0.01);
    expect(formatConntrackList(table, 0.5)).toEqual([line]);
  });
});

describe('conntrack -E lines for the lab sequence (reference section 2.2)', () => {
  const client = '10.244.1.2:59772';
  const service = '10.96.0.10:80';
  const backend = '10.244.1.3:8080';
  const nat: ConntrackNat = { dnat: { ip: ipv4('10.244.1.3'), port: 8080 } };
  const tuples = 'src=10.244.1.2 dst=10.96.0.10 sport=59772 dport=80 src=10.244.1.3 dst=10.244.1.2 sport=8080 dport=59772';

  it('goes SYN_SENT 120 [UNREPLIED] -> SYN_RECV 60 -> ESTABLISHED 432000 [ASSURED] -> FIN_WAIT 120 -> LAST_ACK 30 -> TIME_WAIT 120', () => {
    const created = createConntrackEntry(emptyConntrackTable(), tcp(client, service, 'SYN'), nat, 0);
    const lines = [formatConntrackEvent(created.entry, 'NEW', 0)];
    const later: readonly [Packet, 'original' | 'reply'][] = [
      [tcp(backend, client, 'SYN', 'ACK'), 'reply'],
      [tcp(client, service, 'ACK'), 'original'],
      [tcp(client, service, 'ACK', 'PSH'), 'original'],
      [tcp(backend, client, 'ACK', 'PSH'), 'reply'],
      [tcp(client, service, 'FIN', 'ACK'), 'original'],
      [tcp(backend, client, 'FIN', 'ACK'), 'reply'],
      [tcp(client, service, 'ACK'), 'original'],
    ];
    let table = created.table;
    later.forEach(([packet, direction], i) => {
      const now = i + 1;
      const update = updateConntrack(table, created.entry.id, packet, direction, now);
      table = update.table;
      // conntrack -E reports an UPDATE when the state or a status bit changes.
      if (update.from !== update.to) lines.push(formatConntrackEvent(update.entry, 'UPDATE', now));
    });
    expect(lines).toEqual([
      `    [NEW] tcp      6 120 SYN_SENT src=10.244.1.2 dst=10.96.0.10 sport=59772 dport=80 [UNREPLIED] src=10.244.1.3 dst=10.244.1.2 sport=8080 dport=59772`,
      ` [UPDATE] tcp      6 60 SYN_RECV ${tuples}`,
      ` [UPDATE] tcp      6 432000 ESTABLISHED ${tuples} [ASSURED]`,
      ` [UPDATE] tcp      6 120 FIN_WAIT ${tuples} [ASSURED]`,
      ` [UPDATE] tcp      6 30 LAST_ACK ${tuples} [ASSURED]`,
      ` [UPDATE] tcp      6 120 TIME_WAIT ${tuples} [ASSURED]`,
    ]);
    // `conntrack -L` a moment later: 117 left of TIME_WAIT's 120.
    expect(formatConntrackList(table, 7 + 2.5)).toEqual([`tcp      6 117 TIME_WAIT ${tuples} [ASSURED] mark=0 use=1`]);
  });

  it('prints the DNS query and its answer as NEW [UNREPLIED] 30 then UPDATE 30, and DESTROY without a timeout', () => {
    const dnsNat: ConntrackNat = { dnat: { ip: ipv4('10.244.1.3'), port: 53 } };
    const created = createConntrackEntry(emptyConntrackTable(), udp('10.244.1.2:33688', '10.96.0.10:53'), dnsNat, 0);
    const answered = updateConntrack(created.table, created.entry.id, udp('10.244.1.3:53', '10.244.1.2:33688'), 'reply', 0);
    const udpTuples = 'src=10.244.1.2 dst=10.96.0.10 sport=33688 dport=53 src=10.244.1.3 dst=10.244.1.2 sport=53 dport=33688';
    expect([
      formatConntrackEvent(created.entry, 'NEW', 0),
      formatConntrackEvent(answered.entry, 'UPDATE', 0),
      formatConntrackEvent(answered.entry, 'DESTROY', 30),
    ]).toEqual([
      `    [NEW] udp      17 30 src=10.244.1.2 dst=10.96.0.10 sport=33688 dport=53 [UNREPLIED] src=10.244.1.3 dst=10.244.1.2 sport=53 dport=33688`,
      ` [UPDATE] udp      17 30 ${udpTuples}`,
      `[DESTROY] udp      17 ${udpTuples}`,
    ]);
    expect(formatConntrackList(answered.table, 3)).toEqual([`udp      17 27 ${udpTuples} mark=0 use=1`]);
  });

  it('prints the server-closes-first connection as CLOSE_WAIT 58', () => {
    const c = '10.244.1.2:55204';
    const created = createConntrackEntry(emptyConntrackTable(), tcp(c, service, 'SYN'), nat, 0);
    let table = created.table;
    const steps: readonly [Packet, 'original' | 'reply'][] = [
      [tcp(backend, c, 'SYN', 'ACK'), 'reply'],
      [tcp(c, service, 'ACK'), 'original'],
      [tcp(backend, c, 'FIN', 'ACK'), 'reply'],
      [tcp(c, service, 'ACK'), 'original'],
    ];
    for (const [packet, direction] of steps) table = updateConntrack(table, created.entry.id, packet, direction, 0).table;
    expect(formatConntrackList(table, 2)).toEqual([
      'tcp      6 58 CLOSE_WAIT src=10.244.1.2 dst=10.96.0.10 sport=55204 dport=80 src=10.244.1.3 dst=10.244.1.2 sport=8080 dport=55204 [ASSURED] mark=0 use=1',
    ]);
  });

  it('prints the UDP query to a pod that never answers as [UNREPLIED] 29', () => {
    const created = createConntrackEntry(
      emptyConntrackTable(),
      udp('10.244.1.2:48639', '10.96.0.11:53'),
      { dnat: { ip: ipv4('10.244.1.3'), port: 5300 } },
      0,
    );
    expect(formatConntrackList(created.table, 0.2)).toEqual([
      'udp      17 29 src=10.244.1.2 dst=10.96.0.11 sport=48639 dport=53 [UNREPLIED] src=10.244.1.3 dst=10.244.1.2 sport=5300 dport=48639 mark=0 use=1',
    ]);
  });

  it("uses kube-proxy's 86400 s established timeout on kube-proxy nodes", () => {
    const c = '10.244.1.2:54748';
    const created = createConntrackEntry(emptyConntrackTable(), tcp(c, service, 'SYN'), nat, 0, KUBE_PROXY_TIMEOUTS);
    let table = updateConntrack(created.table, 1, tcp(backend, c, 'SYN', 'ACK'), 'reply', 0, KUBE_PROXY_TIMEOUTS).table;
    table = updateConntrack(table, 1, tcp(c, service, 'ACK'), 'original', 0, KUBE_PROXY_TIMEOUTS).table;
    expect(formatConntrackList(table, 1.2)).toEqual([
      'tcp      6 86398 ESTABLISHED src=10.244.1.2 dst=10.96.0.10 sport=54748 dport=80 src=10.244.1.3 dst=10.244.1.2 sport=8080 dport=54748 [ASSURED] mark=0 use=1',
    ]);
  });
});

describe('formatConntrackList and formatConntrackSummary', () => {
  it('lists live entries by id (creation order) and leaves expired ones out', () => {
    let table = emptyConntrackTable();
    table = createConntrackEntry(table, udp('10.244.1.2:1000', '10.244.2.2:53'), {}, 0).table;
    table = createConntrackEntry(table, tcp('10.244.1.2:1001', '10.244.2.2:80', 'SYN'), {}, 10).table;
    table = createConntrackEntry(table, udp('10.244.1.2:1002', '10.244.2.2:53'), {}, 20).table;
    const lines = formatConntrackList(table, 35);
    expect(lines.map((l) => l.split(' sport=')[1]?.split(' ')[0])).toEqual(['1001', '1002']);
  });

  it('pairs each listed line with its entry id for the trace', () => {
    let table = emptyConntrackTable();
    table = createConntrackEntry(table, udp('10.244.1.2:1000', '10.244.2.2:53'), {}, 0).table;
    table = createConntrackEntry(table, udp('10.244.1.2:1001', '10.244.2.2:53'), {}, 0).table;
    expect(listConntrackLines(table, 0).map((l) => l.id)).toEqual([1, 2]);
    expect(listConntrackLines(table, 0).map((l) => l.text)).toEqual(formatConntrackList(table, 0));
  });

  it.each([
    [0, 'conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.'],
    [3, 'conntrack v1.4.7 (conntrack-tools): 3 flow entries have been shown.'],
  ])('summarises %i entries', (n, text) => {
    expect(formatConntrackSummary(n)).toBe(text);
  });

  it('pads sctp to 8 characters and prints its state', () => {
    const { entry } = createConntrackEntry(
      emptyConntrackTable(),
      { ...tcp('10.244.1.2:5000', '10.96.0.20:9000'), protocol: 'sctp' },
      { dnat: { ip: ipv4('10.244.2.2'), port: 9000 } },
      0,
    );
    expect(formatConntrackEntry(entry, 0)).toBe(
      'sctp     132 3 COOKIE_WAIT src=10.244.1.2 dst=10.96.0.20 sport=5000 dport=9000 [UNREPLIED] src=10.244.2.2 dst=10.244.1.2 sport=9000 dport=5000 mark=0 use=1',
    );
  });
});
