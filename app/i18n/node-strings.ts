import type { DumpNote, NodeOrigin } from '../../src/node-trace';
import { noteText } from '../../src/node-trace/note-text';
import type { DraftField, FieldProblem } from '../node/node-draft';
import type { NodeLinkProblem } from '../node/node-link';
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
  /** "Copy a link to this trace": the button, the warning before copying, the outcome. */
  readonly link: {
    readonly copy: string;
    readonly needsText: string;
    readonly warning: (lines: number) => string;
    readonly confirm: string;
    readonly copied: string;
    readonly fallback: string;
    readonly label: string;
    readonly tooLong: (chars: number | null, limit: number) => string;
    /** The alert when the page was opened by a `node=` it could not read; the reason follows. */
    readonly alert: string;
    readonly dismiss: string;
    readonly problem: (p: NodeLinkProblem) => string;
    readonly fields: Readonly<Record<DraftField, string>>;
  };
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
  privacy:
    'Nothing leaves your browser: the rules are read and traced on this page. They go into a link only when you ask for one (Copy a link to this trace).',
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
  link: {
    copy: 'Copy a link to this trace…',
    needsText: 'A link holds a dump: paste one first.',
    warning: (lines) =>
      `This link will contain the pasted rules (${grouped(lines)} lines), the node facts and the packet: compressed, not encrypted. Anyone who gets the link can read them. The page sends nothing anywhere; where the link goes is your choice.`,
    confirm: 'Copy the link',
    copied: 'Link copied. It holds the pasted rules; opening it fills this tab and traces the packet.',
    fallback: 'This browser did not let the page copy: the link is selected below, press Ctrl+C (⌘C on a Mac).',
    label: 'Link to this trace (it contains the pasted rules)',
    tooLong: (chars, limit) =>
      `Too large for a link: ${chars === null ? `far more than ${grouped(limit)}` : grouped(chars)} characters compressed, and a link holds ${grouped(limit)} (about 45 KB of rules). Share the dump as a file instead.`,
    alert: 'The trace in this link (URL parameter “node”) could not be opened, so the tab is empty:',
    dismiss: 'Dismiss',
    problem: (p) => {
      switch (p.kind) {
        case 'empty':
          return 'it is empty.';
        case 'too-long':
          return `it is ${grouped(p.chars)} characters long; a link's trace has at most ${grouped(p.limit)}.`;
        case 'alphabet':
          return 'it is not compressed data (it has characters the page never writes).';
        case 'corrupt':
          return 'it is not valid compressed data (truncated or corrupted).';
        case 'too-large':
          return `it unpacks to ${grouped(p.chars)} characters; the limit is ${grouped(p.limit)}.`;
        case 'not-json':
          return 'it unpacks to text that is not JSON (truncated or corrupted).';
        case 'not-a-trace':
          return p.field === '' ? 'it is not a trace this page wrote.' : `it is not a trace this page wrote (field “${p.field}”).`;
        case 'field':
          return `${EN.link.fields[p.field]}: ${problemText(EN, p.problem)}`;
      }
    },
    fields: {
      text: 'The rules',
      src: 'Source IP',
      dst: 'Destination IP',
      sport: 'Source port',
      dport: 'Destination port',
      localAddresses: "The node's addresses",
      podInterface: "A pod's interface",
    },
  },
};

const ZH: NodeStrings = {
  title: '让数据包走一遍你的节点',
  intro:
    '粘贴某个节点上 iptables-save 的输出（带不带 -c 计数均可，iptables-legacy 或 iptables-nft）或 nft list ruleset 的输出，描述一个数据包，然后按钩子逐个跟随它，每条规则都标出行号。',
  privacy: '所有内容都不会离开你的浏览器：规则在本页内读取和追踪。只有你要求时（复制此次追踪的链接），它们才会写进链接。',
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
  link: {
    copy: '复制此次追踪的链接…',
    needsText: '链接里要有规则：请先粘贴。',
    warning: (lines) =>
      `这个链接将包含粘贴的规则（${grouped(lines)} 行）、节点信息和数据包：经过压缩，但没有加密。拿到链接的人都能读到它们。本页不会发送任何内容；链接发给谁由你决定。`,
    confirm: '复制链接',
    copied: '链接已复制。它包含粘贴的规则；打开它会填好本标签页并追踪这个数据包。',
    fallback: '浏览器不允许页面复制：链接已在下方选中，请按 Ctrl+C（Mac 上按 ⌘C）。',
    label: '此次追踪的链接（包含粘贴的规则）',
    tooLong: (chars, limit) =>
      `太大，放不进链接：压缩后${chars === null ? `远超 ${grouped(limit)}` : ` ${grouped(chars)}`} 个字符，链接最多 ${grouped(limit)} 个（约 45 KB 规则）。请改用文件分享。`,
    alert: '无法打开此链接中的追踪（URL 参数“node”），本标签页为空：',
    dismiss: '关闭',
    problem: (p) => {
      switch (p.kind) {
        case 'empty':
          return '它是空的。';
        case 'too-long':
          return `它有 ${grouped(p.chars)} 个字符；链接中的追踪最多 ${grouped(p.limit)} 个。`;
        case 'alphabet':
          return '它不是压缩数据（含有本页从不写入的字符）。';
        case 'corrupt':
          return '它不是有效的压缩数据（被截断或损坏）。';
        case 'too-large':
          return `解压后有 ${grouped(p.chars)} 个字符；上限是 ${grouped(p.limit)}。`;
        case 'not-json':
          return '解压后的文本不是 JSON（被截断或损坏）。';
        case 'not-a-trace':
          return p.field === '' ? '它不是本页写出的追踪。' : `它不是本页写出的追踪（字段“${p.field}”）。`;
        case 'field':
          return `${ZH.link.fields[p.field]}：${problemText(ZH, p.problem)}`;
      }
    },
    fields: {
      text: '规则',
      src: '源 IP',
      dst: '目的 IP',
      sport: '源端口',
      dport: '目的端口',
      localAddresses: '节点的地址',
      podInterface: 'Pod 的网卡',
    },
  },
};

/** A field's problem in the page's words. */
export function problemText(t: NodeStrings, p: FieldProblem): string {
  return p.kind === 'not-ip' ? t.problems.notIp(p.value) : t.problems[p.kind];
}

export const nodeStrings: Readonly<Record<Lang, NodeStrings>> = { en: EN, zh: ZH };
