import { describe, expect, it } from 'vitest';
import { chainOf, findTable } from '../../../src/netfilter';
import { readNodeDump } from '../../../src/node-trace';

describe('readNodeDump', () => {
  it('reads iptables-save -c: counters before rules and after policies, a DROP policy kept', () => {
    const d = readNodeDump(
      '*filter\n:INPUT ACCEPT [5:300]\n:FORWARD DROP [17:1020]\n:OUTPUT ACCEPT [9:540]\n[3:180] -A FORWARD -i docker0 -j ACCEPT\nCOMMIT\n',
    );
    const forward = chainOf(findTable(d.ruleset, 'filter')!, 'FORWARD')!;
    expect(forward.policy).toBe('DROP');
    expect(forward.rules.map((r) => r.restoreText)).toEqual(['-A FORWARD -i docker0 -j ACCEPT']);
    expect(d.lines.filter?.FORWARD).toEqual([5]);
    expect(d.text[5]).toBe('-A FORWARD -i docker0 -j ACCEPT');
    expect(d.notes).toEqual([]);
  });

  it('notes what it does not trace by line, and still reads the rest', () => {
    const text = [
      '*security', // 1
      ':INPUT ACCEPT [0:0]',
      'COMMIT',
      '*nat', // 4
      ':PREROUTING ACCEPT [0:0]',
      '-A PREROUTING -j NOPE', // 6: a target that is no chain and no extension the engine knows
      '-A KUBE-SERVICES -j ACCEPT', // 7: an undeclared chain
      '*filter', // 8: nat has no COMMIT
      ':INPUT ACCEPT [0:0]',
      '-A INPUT -p tcp --dport 22 -j ACCEPT',
      'COMMIT',
      '*filter', // 12
      'COMMIT',
    ].join('\n');
    const d = readNodeDump(text);
    expect(d.notes.map((n) => [n.line, n.kind])).toEqual([
      [1, 'info'],
      [4, 'error'],
      [6, 'not-modelled'],
      [7, 'error'],
      [12, 'info'],
    ]);
    expect(d.ruleset.tables.map((t) => t.name)).toEqual(['nat', 'filter']);
    expect(d.tablesFound).toBe(4);
  });

  it('reports progress every 5,000 lines', () => {
    const rules = Array.from({ length: 11_998 }, (_, i) => `-A INPUT -s 10.0.${i >> 8}.${i & 255}/32 -j ACCEPT`);
    const seen: number[] = [];
    const d = readNodeDump(['*filter', ...rules, 'COMMIT'].join('\n'), { onProgress: (line) => seen.push(line) });
    expect(seen).toEqual([5000, 10000]);
    expect(chainOf(findTable(d.ruleset, 'filter')!, 'INPUT')!.rules).toHaveLength(11_998);
  });
});
