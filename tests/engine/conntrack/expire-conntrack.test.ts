import { describe, expect, it } from 'vitest';
import {
  createConntrackEntry,
  deleteConntrackEntries,
  emptyConntrackTable,
  expireConntrack,
  formatConntrackList,
  updateConntrack,
  type ConntrackTable,
} from '../../../src/conntrack';
import { ipv4 } from '../../../src/net/ipv4';
import { tcp, udp } from './packets';

function sample(): ConntrackTable {
  let t = emptyConntrackTable();
  t = createConntrackEntry(t, udp('10.244.1.2:1000', '10.96.0.10:53'), { dnat: { ip: ipv4('10.244.1.3'), port: 53 } }, 0).table; // 30 s
  t = createConntrackEntry(t, tcp('10.244.1.2:1001', '10.96.0.10:80', 'SYN'), { dnat: { ip: ipv4('10.244.2.3'), port: 8080 } }, 0).table; // 120 s
  t = createConntrackEntry(t, udp('10.244.1.2:1002', '10.96.0.10:53'), { dnat: { ip: ipv4('10.244.2.2'), port: 53 } }, 10).table; // 40
  return t;
}

describe('expireConntrack on the simulated clock', () => {
  it.each<[number, readonly number[]]>([
    [0, [1, 2, 3]],
    [29.9, [1, 2, 3]],
    [30, [2, 3]],
    [40, [2]],
    [119, [2]],
    [120, []],
  ])('at t=%s keeps %j', (now, ids) => {
    expect(expireConntrack(sample(), now).entries.map((e) => e.id)).toEqual(ids);
  });

  it('counts the timer down to 0 before the entry disappears', () => {
    const t = sample();
    expect(formatConntrackList(t, 29.5)[0]).toMatch(/^udp {6}17 0 /);
    expect(formatConntrackList(t, 30)).toHaveLength(2);
  });

  it('keeps ids growing after expiry', () => {
    const t = expireConntrack(sample(), 500);
    const { entry } = createConntrackEntry(t, udp('10.244.1.2:1003', '10.96.0.10:53'), {}, 500);
    expect(entry.id).toBe(4);
  });

  it('a packet before expiry pushes the deadline out', () => {
    let t = sample();
    t = updateConntrack(t, 1, udp('10.244.1.2:1000', '10.96.0.10:53'), 'original', 25).table;
    expect(expireConntrack(t, 50).entries.map((e) => e.id)).toEqual([1, 2]);
  });
});

describe('deleteConntrackEntries', () => {
  it("deletes UDP entries to the Service whose backend is gone (kube-proxy's stale-entry cleanup)", () => {
    const serving = new Set(['10.244.2.2:53']);
    const { table, deleted } = deleteConntrackEntries(
      sample(),
      (e) => e.protocol === 'udp' && `${e.orig.dst}:${e.orig.dport}` === '10.96.0.10:53' && !serving.has(`${e.reply.src}:${e.reply.sport}`),
    );
    expect(deleted.map((e) => e.id)).toEqual([1]);
    expect(table.entries.map((e) => e.id)).toEqual([2, 3]);
  });

  it('returns the same table when nothing matches', () => {
    const t = sample();
    expect(deleteConntrackEntries(t, () => false).table).toBe(t);
  });
});
