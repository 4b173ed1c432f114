import type { Lang } from '../trace/narration';
import type { DumpNote, DumpNoteCode, DumpNoteParams } from './node-trace-types';

/** One sentence per note code, from its parameters. */
type NoteSentences = { readonly [C in DumpNoteCode]: (p: DumpNoteParams[C]) => string };

const EN: NoteSentences = {
  'not-in-table': (p) => `not in a table (a table starts with *filter, *nat...): "${p.text}"`,
  'not-a-rule': (p) => `not a rule: "${p.text}"`,
  'not-a-rule-because': (p) => `not a rule: ${p.reason}`,
  'rule-unreadable': (p) => `cannot read the rule: ${p.reason}`,
  'not-a-chain-declaration': (p) => `not a chain declaration: "${p.text}"`,
  'chain-not-declared': (p) => `chain ${p.chain} is not declared in table ${p.table}`,
  'no-commit': (p) => `table ${p.table} has no COMMIT: read up to the end`,
  'no-commit-before': (p) => `table ${p.table} has no COMMIT before line ${p.before}`,
  'unknown-table': (p) => `unknown table "${p.table}": skipped`,
  'security-table': (p) => `${p.tool} table security: not traced (SELinux marks are not modelled)`,
  'table-twice': (p) => `${p.tool} table ${p.table} appears a second time (another dump?): skipped`,
  'match-not-modelled': (p) => `${p.name} is not modelled: counted as ${p.counted}`,
  'target-not-modelled': (p) => `${p.name} is not modelled: the rule only counts the packet`,
  notrack: (p) => `${p.target}: the connection is not tracked (no NAT, no conntrack entry)`,
  'effect-not-modelled': (p) => `${p.name} is not modelled: passed over`,
  'not-nft': (p) => `not nft list ruleset output (a table starts with "table ip NAME {"): "${p.text}"`,
  'nft-unreadable': (p) => `${p.reason}: "${p.text}"`,
  'nft-error': (p) => p.reason,
  'nft-cannot-read': (p) => `cannot read "${p.text}" in a table`,
  'nft-table-not-closed': (p) => `table ${p.table} is not closed with "}": read up to the end`,
  'nft-block-not-closed': (p) => `${p.block} is not closed with "}"`,
  'nft-table-not-traced': (p) => `table ${p.table}: read, not traced (the trace follows a packet through the ip, ip6 and inet hooks)`,
  'nft-object-not-traced': (p) => `${p.object}: not traced`,
  'nft-set-unreadable': (p) => `${p.set}: ${p.reason}`,
  'nft-rule-left-out': (p) => `${p.reason}: the rule is left out`,
  'nft-chain-priority': (p) => `chain ${p.chain}: ${p.reason}: not traced`,
  'nft-chain-hook': (p) => `chain ${p.chain} hooks ${p.hook}: not traced (the trace follows prerouting to postrouting)`,
  'nft-chain-type': (p) => `chain ${p.chain}: type ${p.type} is not a chain type: not traced`,
};

// A parser's `reason` stays in its own (English) words, quoted after the Chinese sentence.
const ZH: NoteSentences = {
  'not-in-table': (p) => `不在任何表中（表以 *filter、*nat 等开头）：“${p.text}”`,
  'not-a-rule': (p) => `不是规则：“${p.text}”`,
  'not-a-rule-because': (p) => `不是规则：${p.reason}`,
  'rule-unreadable': (p) => `无法读取该规则：${p.reason}`,
  'not-a-chain-declaration': (p) => `不是链声明：“${p.text}”`,
  'chain-not-declared': (p) => `链 ${p.chain} 未在表 ${p.table} 中声明`,
  'no-commit': (p) => `表 ${p.table} 没有 COMMIT：已读到文本末尾`,
  'no-commit-before': (p) => `表 ${p.table} 在第 ${p.before} 行之前没有 COMMIT`,
  'unknown-table': (p) => `未知的表“${p.table}”：已跳过`,
  'security-table': (p) => `${p.tool} 的 security 表：不追踪（不模拟 SELinux 标记）`,
  'table-twice': (p) => `${p.tool} 的表 ${p.table} 第二次出现（另一份导出？）：已跳过`,
  'match-not-modelled': (p) => `${p.name} 未被模拟：按${p.counted === 'matching' ? '匹配' : '不匹配'}计`,
  'target-not-modelled': (p) => `${p.name} 未被模拟：该规则只计数`,
  notrack: (p) => `${p.target}：该连接不被跟踪（没有 NAT，也没有 conntrack 条目）`,
  'effect-not-modelled': (p) => `${p.name} 未被模拟：跳过`,
  'not-nft': (p) => `不是 nft list ruleset 的输出（表以“table ip 名称 {”开头）：“${p.text}”`,
  'nft-unreadable': (p) => `${p.reason}：“${p.text}”`,
  'nft-error': (p) => `无法读取：${p.reason}`,
  'nft-cannot-read': (p) => `无法读取表中的“${p.text}”`,
  'nft-table-not-closed': (p) => `表 ${p.table} 没有以“}”结束：已读到文本末尾`,
  'nft-block-not-closed': (p) => `${p.block} 没有以“}”结束`,
  'nft-table-not-traced': (p) => `表 ${p.table}：已读取，不追踪（追踪只经过 ip、ip6 和 inet 的钩子）`,
  'nft-object-not-traced': (p) => `${p.object}：不追踪`,
  'nft-set-unreadable': (p) => `${p.set}：${p.reason}`,
  'nft-rule-left-out': (p) => `${p.reason}：该规则被略去`,
  'nft-chain-priority': (p) => `链 ${p.chain}：${p.reason}：不追踪`,
  'nft-chain-hook': (p) => `链 ${p.chain} 挂在 ${p.hook}：不追踪（追踪从 prerouting 到 postrouting）`,
  'nft-chain-type': (p) => `链 ${p.chain}：${p.type} 不是链的类型：不追踪`,
};

const SENTENCES: Readonly<Record<Lang, NoteSentences>> = { en: EN, zh: ZH };

/**
 * What a note on a pasted dump says, in English or Chinese: the engine gives its code and
 * parameters (the line, a name, a parser's reason), the words are the page's. The CLI prints the English.
 *
 * @example noteText({ line: 3, kind: 'error', code: 'not-a-rule', params: { text: 'COMMITT' } }, 'zh') // '不是规则：“COMMITT”'
 */
export function noteText(note: DumpNote, lang: Lang): string {
  const say = SENTENCES[lang][note.code] as (p: DumpNote['params']) => string;
  return say(note.params);
}
