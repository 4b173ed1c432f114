import { describe, expect, it } from 'vitest';
import { noteText } from '../../../src/node-trace/note-text';
import { readNodeDump, type DumpNote } from '../../../src/node-trace';

/** A dump that earns one note of most kinds, iptables-save and nft. */
const IPTABLES = [
  'garbage before any table',
  '*nat',
  ':PREROUTING ACCEPT [0:0]',
  '-A PREROUTING -m u32 --u32 "0>>22=5" -j ACCEPT',
  '-A PREROUTING -j LOG',
  '-A NOWHERE -j ACCEPT',
  'COMMITT',
  'COMMIT',
  '*security',
  'COMMIT',
].join('\n');

describe('noteText: what a note on a pasted dump says, in both languages', () => {
  it('the English sentence is the one the CLI prints; the Chinese one says the same, the names and quoted line kept', () => {
    const notes = readNodeDump(IPTABLES).notes;
    const both = notes.map((n) => [n.line, noteText(n, 'en'), noteText(n, 'zh')]);
    expect(both).toEqual([
      [
        1,
        'not in a table (a table starts with *filter, *nat...): "garbage before any table"',
        '不在任何表中（表以 *filter、*nat 等开头）：“garbage before any table”',
      ],
      [4, '-m u32 is not modelled: counted as not matching', '-m u32 未被模拟：按不匹配计'],
      [5, '-j LOG is not modelled: the rule only counts the packet', '-j LOG 未被模拟：该规则只计数'],
      [6, 'chain NOWHERE is not declared in table nat', '链 NOWHERE 未在表 nat 中声明'],
      [7, 'not a rule: "COMMITT"', '不是规则：“COMMITT”'],
      [
        9,
        'iptables-save table security: not traced (SELinux marks are not modelled)',
        'iptables-save 的 security 表：不追踪（不模拟 SELinux 标记）',
      ],
    ]);
  });

  it('an nft ruleset: a table of another family, an object, a statement passed over, a line that is not nft', () => {
    const text = [
      'table bridge b {',
      '}',
      'table inet f {',
      '\tflowtable fast {',
      '\t}',
      '\tchain c {',
      '\t\ttype filter hook forward priority 0; policy accept;',
      '\t\tlog prefix "x" accept',
      '\t}',
      '}',
      'root@vm1:~#',
    ].join('\n');
    const zh = readNodeDump(text).notes.map((n: DumpNote) => `${n.line} ${noteText(n, 'zh')}`);
    expect(zh).toEqual([
      '1 表 bridge b：已读取，不追踪（追踪只经过 ip、ip6 和 inet 的钩子）',
      '4 flowtable fast：不追踪',
      '8 log 未被模拟：跳过',
      '11 不是 nft list ruleset 的输出（表以“table ip 名称 {”开头）：“root@vm1:~#”',
    ]);
  });
});
