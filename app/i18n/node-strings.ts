import type { DumpNote, NodeOrigin } from '../../src/node-trace';
import { noteText } from '../../src/node-trace/note-text';
import type { FieldProblem } from '../node/node-draft';
import type { Lang } from './lang';

/** "Your node": a pasted iptables-save dump and one packet through it, in both languages. */
export interface NodeStrings {
  readonly title: string;
  readonly intro: string;
  readonly privacy: string;
  readonly dump: string;
  readonly dumpHint: string;
  readonly openFile: string;
  readonly useExample: string;
  readonly exampleSays: string;
  readonly fileRead: (name: string, lines: number) => string;
  readonly fileFailed: (name: string) => string;
  readonly facts: string;
  readonly localAddresses: string;
  readonly localHint: string;
  readonly podInterface: string;
  readonly podInterfaceHint: string;
  readonly ipsetSave: string;
  readonly packet: string;
  readonly src: string;
  readonly dst: string;
  readonly sport: string;
  readonly dport: string;
  readonly protocol: string;
  readonly origin: string;
  readonly origins: Readonly<Record<NodeOrigin, string>>;
  /** The message beside a field, by what is wrong with it. */
  readonly problems: {
    readonly required: string;
    /** The destination's family is not the source's. */
    readonly families: string;
    readonly notIp: (value: string) => string;
    readonly port: string;
    readonly interface: string;
  };
  readonly trace: string;
  readonly tracing: string;
  readonly cancel: string;
  readonly cancelled: string;
  readonly progress: (line: number, total: number) => string;
  readonly empty: string;
  readonly unusable: string;
  readonly workerFailed: (message: string) => string;
  readonly tracedIn: (ms: number) => string;
  readonly stale: string;
  readonly verdict: string;
  readonly verdicts: Readonly<Record<'ACCEPT' | 'DROP' | 'REJECT', string>>;
  readonly decidingRule: string;
  readonly noDecidingRule: string;
  readonly packetBefore: string;
  readonly packetAfter: string;
  readonly conntrack: string;
  readonly noConntrack: string;
  readonly route: (to: 'local' | 'forward', device: string) => string;
  readonly path: string;
  readonly pass: (table: string, hook: string, verdict: string, byPolicy: boolean) => string;
  /** An nft base chain's pass: `ip kube-proxy nat-prerouting (PREROUTING, priority -100): ACCEPT`. */
  readonly nftPass: (table: string, chain: string, hook: string, priority: number, verdict: string, byPolicy: boolean) => string;
  readonly readAs: string;
  readonly kinds: Readonly<Record<'iptables' | 'nftables', string>>;
  readonly line: string;
  readonly jumpTo: (line: number) => string;
  readonly rule: string;
  readonly result: string;
  readonly decided: string;
  readonly skipped: (n: number, from: number, to: number) => string;
  readonly noRules: string;
  readonly notes: (n: number) => string;
  readonly errors: (n: number) => string;
  readonly notModelled: (n: number) => string;
  readonly info: (n: number) => string;
  readonly countsAsMatching: string;
  readonly countsAsMatchingLabel: (name: string, line: number) => string;
  readonly more: (n: number) => string;
  readonly noNotes: string;
  /** What a note on the dump says (the engine gives a code and parameters). */
  readonly note: (n: DumpNote) => string;
}

/**
 * 50000 -> "50,000", as both languages write it. Not toLocaleString: its first call builds
 * a number formatter, a 30 ms pause in the middle of a trace's progress reports.
 */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const EN: NodeStrings = {
  title: 'Trace a packet through your node',
  intro:
    'Paste the output of iptables-save (with or without -c counters, iptables-legacy or iptables-nft) or of nft list ruleset from one of your nodes, describe a packet, and follow it hook by hook, each rule with its line.',
  privacy: 'Nothing leaves your browser: the rules are read and traced on this page, and they never go into the link.',
  dump: 'iptables-save or nft list ruleset output',
  dumpHint: 'On the node: sudo iptables-save -c (or iptables-nft-save -c), or sudo nft -a list ruleset.',
  openFile: 'Open a file…',
  useExample: 'Use an example',
  exampleSays:
    "Example: a Calico node's iptables-nft-save -c (kube-proxy's rules for svc1 at 10.96.0.10:80, Calico's chains, one damaged line), with its ipsets, and a pod's packet to the ClusterIP.",
  fileRead: (name, lines) => `Read ${name}: ${grouped(lines)} lines.`,
  fileFailed: (name) => `${name} could not be read.`,
  facts: 'Node facts (optional)',
  localAddresses: "The node's addresses",
  localHint: "Separated by spaces; the first is eth0's (MASQUERADE's source). For -m addrtype --dst-type LOCAL.",
  podInterface: "A pod's interface",
  podInterfaceHint: "Where a pod's packet comes in: cbr0 when empty (Calico: cali…, Cilium: lxc…).",
  ipsetSave: 'ipset save output (for -m set)',
  packet: 'The packet',
  src: 'Source IP',
  dst: 'Destination IP',
  sport: 'Source port',
  dport: 'Destination port',
  protocol: 'Protocol',
  origin: 'It comes',
  origins: { pod: 'from a pod, through the bridge', outside: 'from outside, through eth0', host: 'from the node itself' },
  problems: {
    required: 'Required.',
    families: 'The source and the destination must both be IPv4 or both IPv6.',
    notIp: (value) => `"${value}" is not an IPv4 or IPv6 address (like 10.96.0.10 or fd00:10:96::a).`,
    port: 'A port is a whole number from 1 to 65535.',
    interface: 'An interface name: up to 15 letters, digits or . _ - + @ :',
  },
  trace: 'Trace',
  tracing: 'Tracing…',
  cancel: 'Cancel',
  cancelled: 'Cancelled.',
  progress: (line, total) => `Reading line ${grouped(line)} of ${grouped(total)}…`,
  empty: 'Paste a dump above, open a file or use the example; then describe a packet and press Trace.',
  unusable: 'This text cannot be traced',
  workerFailed: (m) => `The trace failed: ${m}`,
  tracedIn: (ms) => `Traced in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms, in this browser.`,
  stale: 'The text or the packet changed since this trace: press Trace again.',
  verdict: 'Verdict',
  verdicts: { ACCEPT: 'accepted', DROP: 'dropped', REJECT: 'rejected' },
  decidingRule: 'Deciding rule',
  noDecidingRule: "None: the chains' policies decided.",
  packetBefore: 'Packet in',
  packetAfter: 'After NAT',
  conntrack: 'Conntrack entry (conntrack -L)',
  noConntrack: 'None (dropped, or not tracked).',
  route: (to, device) =>
    to === 'local' ? `Routing: delivered to the node itself (${device}).` : `Routing: forwarded, out through ${device}.`,
  path: 'The path, hook by hook',
  pass: (table, hook, verdict, byPolicy) => `${table} ${hook}: ${verdict}${byPolicy ? ' (by the policy)' : ''}`,
  nftPass: (table, chain, hook, priority, verdict, byPolicy) =>
    `${table} ${chain} (${hook}, priority ${priority}): ${verdict}${byPolicy ? ' (by the policy)' : ''}`,
  readAs: 'Read as',
  kinds: { iptables: 'iptables-save output', nftables: 'nft list ruleset output' },
  line: 'Line',
  jumpTo: (line) => `Show line ${line} in the text`,
  rule: 'Rule',
  result: 'Result',
  decided: 'decided',
  skipped: (n, from, to) => `${n} rules did not match (lines ${from}–${to}): show them`,
  noRules: 'No rule: the policy.',
  notes: (n) => `Notes on the text (${n})`,
  errors: (n) => `Not rules, skipped (${n})`,
  notModelled: (n) => `Not modelled (${n})`,
  info: (n) => `Read, not traced (${n})`,
  countsAsMatching: 'counts as matching',
  countsAsMatchingLabel: (name, line) => `${name} on line ${line} counts as matching`,
  more: (n) => `and ${grouped(n)} more`,
  noNotes: 'Every line was read.',
  note: (n) => noteText(n, 'en'),
};

const ZH: NodeStrings = {
  title: '让数据包走一遍你的节点',
  intro:
    '粘贴某个节点上 iptables-save 的输出（带不带 -c 计数均可，iptables-legacy 或 iptables-nft）或 nft list ruleset 的输出，描述一个数据包，然后按钩子逐个跟随它，每条规则都标出行号。',
  privacy: '所有内容都不会离开你的浏览器：规则在本页内读取和追踪，也不会写进链接。',
  dump: 'iptables-save 或 nft list ruleset 输出',
  dumpHint: '在节点上运行：sudo iptables-save -c（或 iptables-nft-save -c），或 sudo nft -a list ruleset。',
  openFile: '打开文件…',
  useExample: '使用示例',
  exampleSays:
    '示例：一个 Calico 节点的 iptables-nft-save -c 输出（kube-proxy 为 10.96.0.10:80 上的 svc1 写的规则、Calico 的链、一行损坏的内容），附带它的 ipset，以及一个从 Pod 发往 ClusterIP 的数据包。',
  fileRead: (name, lines) => `已读取 ${name}：${grouped(lines)} 行。`,
  fileFailed: (name) => `无法读取 ${name}。`,
  facts: '节点信息（可选）',
  localAddresses: '节点的地址',
  localHint: '用空格分隔；第一个是 eth0 的地址（MASQUERADE 的源地址）。用于 -m addrtype --dst-type LOCAL。',
  podInterface: 'Pod 的网卡',
  podInterfaceHint: 'Pod 的数据包从哪个网卡进入：留空为 cbr0（Calico：cali…，Cilium：lxc…）。',
  ipsetSave: 'ipset save 输出（用于 -m set）',
  packet: '数据包',
  src: '源 IP',
  dst: '目的 IP',
  sport: '源端口',
  dport: '目的端口',
  protocol: '协议',
  origin: '来自',
  origins: { pod: 'Pod，经过网桥', outside: '外部，经过 eth0', host: '节点自身' },
  problems: {
    required: '必填。',
    families: '源地址和目的地址须同为 IPv4 或同为 IPv6。',
    notIp: (value) => `“${value}”不是 IPv4 或 IPv6 地址（例如 10.96.0.10 或 fd00:10:96::a）。`,
    port: '端口是 1 到 65535 之间的整数。',
    interface: '网卡名：最多 15 个字母、数字或 . _ - + @ :',
  },
  trace: '追踪',
  tracing: '正在追踪…',
  cancel: '取消',
  cancelled: '已取消。',
  progress: (line, total) => `正在读取第 ${grouped(line)} 行，共 ${grouped(total)} 行…`,
  empty: '在上方粘贴规则、打开文件或使用示例；然后描述一个数据包并点击“追踪”。',
  unusable: '这段文本无法追踪',
  workerFailed: (m) => `追踪失败：${m}`,
  tracedIn: (ms) => `在本浏览器中追踪，用时 ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} 毫秒。`,
  stale: '文本或数据包在这次追踪之后改过了：请再次点击“追踪”。',
  verdict: '结果',
  verdicts: { ACCEPT: '放行', DROP: '丢弃', REJECT: '拒绝' },
  decidingRule: '起决定作用的规则',
  noDecidingRule: '没有：由链的默认策略决定。',
  packetBefore: '进入时',
  packetAfter: 'NAT 之后',
  conntrack: 'conntrack 条目（conntrack -L）',
  noConntrack: '没有（被丢弃，或不跟踪）。',
  route: (to, device) => (to === 'local' ? `路由：交给节点自身（${device}）。` : `路由：转发，从 ${device} 发出。`),
  path: '路径，逐个钩子',
  pass: (table, hook, verdict, byPolicy) => `${table} ${hook}：${verdict}${byPolicy ? '（默认策略）' : ''}`,
  nftPass: (table, chain, hook, priority, verdict, byPolicy) =>
    `${table} ${chain}（${hook}，优先级 ${priority}）：${verdict}${byPolicy ? '（默认策略）' : ''}`,
  readAs: '识别为',
  kinds: { iptables: 'iptables-save 输出', nftables: 'nft list ruleset 输出' },
  line: '行',
  jumpTo: (line) => `在文本中显示第 ${line} 行`,
  rule: '规则',
  result: '结果',
  decided: '决定',
  skipped: (n, from, to) => `${n} 条规则未匹配（第 ${from}–${to} 行）：展开`,
  noRules: '没有规则：默认策略。',
  notes: (n) => `关于文本的说明（${n}）`,
  errors: (n) => `不是规则，已跳过（${n}）`,
  notModelled: (n) => `未建模（${n}）`,
  info: (n) => `已读取，未追踪（${n}）`,
  countsAsMatching: '视为匹配',
  countsAsMatchingLabel: (name, line) => `第 ${line} 行的 ${name} 视为匹配`,
  more: (n) => `还有 ${grouped(n)} 条`,
  noNotes: '每一行都已读取。',
  note: (n) => noteText(n, 'zh'),
};

/** A field's problem in the page's words. */
export function problemText(t: NodeStrings, p: FieldProblem): string {
  return p.kind === 'not-ip' ? t.problems.notIp(p.value) : t.problems[p.kind];
}

export const nodeStrings: Readonly<Record<Lang, NodeStrings>> = { en: EN, zh: ZH };
