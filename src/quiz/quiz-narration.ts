import { narrate, type Lang } from '../trace/narration';
import type { Note } from '../trace/types';

type Text = { readonly en: string; readonly zh: string };

/**
 * The quiz's sentences, by note id (`quiz.*`), in the narration's style
 * (src/trace/narration.ts): `{name}` is the note's parameter of that name.
 * Prompts never name the answer; choices are short; explanations add what the
 * step's own narration does not say.
 */
export const QUIZ_NARRATION: Readonly<Record<string, Text>> = {
  'quiz.literal': { en: '{text}', zh: '{text}' },
  'quiz.prompt.next-hop': {
    en: 'The {label} ({packet}) is at {at}. Where does it go next: which hook or device?',
    zh: '{label}（{packet}）现在位于 {at}。它下一步去哪里：哪个钩子或设备？',
  },
  'quiz.prompt.destination': {
    en: "nat PREROUTING on {node} evaluates kube-proxy's rules for the {label} ({packet}). What will its destination become?",
    zh: '节点 {node} 的 nat PREROUTING 用 kube-proxy 的规则处理这个 {label}（{packet}）。它的目标地址会变成什么？',
  },
  'quiz.prompt.ipvs-pick': {
    en: 'IPVS on {node} sees a new connection to the virtual server {vs}, scheduler {scheduler}. Which real server does it pick?',
    zh: '节点 {node} 上的 IPVS 收到发往虚拟服务 {vs} 的新连接，调度算法为 {scheduler}。它会选哪个真实服务器？',
  },
  'quiz.prompt.conntrack-node': {
    en: "The {label} left the endpoint with source {was}, but the client expects {vip}. Which node's conntrack entry rewrites its source back to {vip}?",
    zh: '{label} 离开后端 Pod 时源地址是 {was}，而客户端等待的是 {vip}。哪个节点上的 conntrack 条目把源地址改回 {vip}？',
  },
  'quiz.prompt.later-packet': {
    en: 'The {label} enters PREROUTING on {node}, addressed to {dst}. Is it evaluated by the Service rules (nat KUBE-SERVICES) again?',
    zh: '{label} 进入节点 {node} 的 PREROUTING，目标为 {dst}。它会再次经过 Service 的规则（nat 表的 KUBE-SERVICES）吗？',
  },
  'quiz.prompt.no-endpoints': {
    en: "The Service {dst} has no ready endpoint. What happens to the client's {label} on {node}, and what does the client see?",
    zh: 'Service {dst} 没有就绪的后端。客户端的 {label} 在节点 {node} 上会怎样，客户端看到什么？',
  },
  'quiz.choice.hook': { en: 'the {hook} hook on {node}', zh: '{node} 的 {hook} 钩子' },
  'quiz.choice.endpoint': { en: '{address} ({pod})', zh: '{address}（{pod}）' },
  'quiz.choice.unchanged': { en: '{address}, unchanged (no DNAT)', zh: '{address}，不变（没有 DNAT）' },
  'quiz.choice.no-node': {
    en: 'none: an iptables rule rewrites it, no conntrack entry is needed',
    zh: '都不是：由一条 iptables 规则改写，不需要 conntrack 条目',
  },
  'quiz.choice.conntrack-only': {
    en: "No: conntrack matches it to the known connection; only a connection's first packet traverses the nat table, and the endpoint stays the same",
    zh: '不会：conntrack 把它匹配到已知连接；只有连接的第一个数据包经过 nat 表，后端保持不变',
  },
  'quiz.choice.nat-again': {
    en: 'Yes: every packet goes through KUBE-SERVICES again, and lands on the same endpoint',
    zh: '会：每个数据包都要重新经过 KUBE-SERVICES，并落到同一个后端',
  },
  'quiz.choice.nat-new-endpoint': {
    en: 'Yes: the endpoint is chosen again for every packet, so it may reach another one',
    zh: '会：每个数据包都重新选择后端，所以它可能到达另一个后端',
  },
  'quiz.choice.refused': {
    en: 'REJECT: an ICMP port unreachable comes back and connect() fails at once with ECONNREFUSED (Connection refused)',
    zh: 'REJECT：返回 ICMP 端口不可达，connect() 立即失败，报 ECONNREFUSED（Connection refused）',
  },
  'quiz.choice.timeout': {
    en: 'Nothing comes back: the SYN is dropped, retried, and connect() times out (ETIMEDOUT)',
    zh: '什么也不返回：SYN 被丢弃、重传，connect() 最终超时（ETIMEDOUT）',
  },
  'quiz.choice.reset': {
    en: 'A TCP RST comes back from the Service address, as from a pod with nothing listening',
    zh: '从 Service 地址返回一个 TCP RST，就像 Pod 上没有进程监听一样',
  },
  'quiz.explain.deciding-rule': {
    en: 'The deciding rule: {rule}',
    zh: '起决定作用的规则：{rule}',
  },
  'quiz.explain.ipvs-pick': {
    en: "ipvsadm -Lnc on the node now lists the connection with the real server {rs}; the scheduler ({scheduler}) is asked only for a connection's first packet.",
    zh: '节点上的 ipvsadm -Lnc 现在列出这个连接及其真实服务器 {rs}；调度算法（{scheduler}）只为连接的第一个数据包做选择。',
  },
  'quiz.explain.conntrack-entry': {
    en: 'The entry on {node} (conntrack -L): {entry}. Its reply tuple is the packet as it arrives; the original tuple says what to write back.',
    zh: '{node} 上的条目（conntrack -L）：{entry}。它的回复方向元组就是到达的这个数据包，原始方向元组说明要改回什么。',
  },
  'quiz.explain.first-packet-only': {
    en: "The nat table sees only a connection's first packet: the {label} and every later packet reuse the binding conntrack stored then, so no kube-proxy rule chooses again.",
    zh: 'nat 表只看到连接的第一个数据包：{label} 以及之后的所有数据包都沿用 conntrack 当时记录的映射，kube-proxy 的规则不会再选择一次。',
  },
};

/** How each language writes a list, as the narration does ("a, b"; "a、b"). */
const LIST_SEPARATOR: Readonly<Record<Lang, string>> = { en: ', ', zh: '、' };

/**
 * A quiz note in the given language, with its parameters filled in the way
 * `narrate` fills a step's; any other note (a step's own narration, which
 * explanations reuse) goes to `narrate`.
 */
export function narrateQuiz(note: Note, lang: Lang): string {
  const template = QUIZ_NARRATION[note.id]?.[lang];
  if (template === undefined) return narrate(note, lang);
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (!Object.hasOwn(note.params, key)) return whole;
    const value = note.params[key]!;
    return typeof value === 'object' ? value.join(LIST_SEPARATOR[lang]) : String(value);
  });
}
