import type { Lang } from './lang';

/** The source article, named as the reference notes name it (seed-article-en.md): its author, title and address. */
export const SOURCE_ARTICLE = {
  author: 'Kevin Sookocheff',
  title: 'A Guide to the Kubernetes Networking Model',
  url: 'https://sookocheff.com/post/kubernetes/understanding-kubernetes-networking-model/',
} as const;

/** The page shell's own words: the evidence block, the first-step hint, the source link, presenter mode. */
export interface LayoutStrings {
  /** The evidence block's heading. */
  readonly evidence: string;
  readonly changedFields: string;
  readonly rulePath: string;
  readonly decides: string;
  readonly conntrackEntry: string;
  readonly originalTuple: string;
  readonly replyTuple: string;
  readonly ipvsChoice: string;
  /** An ICMP error step: its heading, what type 3 code 3 means, and the packet it quotes. */
  readonly icmpError: string;
  readonly portUnreachable: string;
  readonly icmpQuotes: string;
  readonly syncDiff: string;
  readonly ipvsDiff: (node: string) => string;
  readonly conntrackDeleted: (node: string) => string;
  readonly tableDiff: (node: string, table: string) => string;
  readonly nothing: string;
  /** Shown until the first step is taken. */
  readonly hint: string;
  /** "After Kevin Sookocheff, “A Guide to …”". */
  readonly after: string;
  readonly newTab: string;
  /** The header's group of pickers. */
  readonly settings: string;
  readonly legend: string;
  readonly present: string;
  readonly leavePresent: string;
  readonly showPanels: string;
}

export const layoutStrings: Readonly<Record<Lang, LayoutStrings>> = {
  en: {
    evidence: 'This step',
    changedFields: 'Rewritten',
    rulePath: 'Rules that matched',
    decides: 'decides',
    conntrackEntry: 'Conntrack entry',
    originalTuple: 'original',
    replyTuple: 'reply',
    ipvsChoice: 'IPVS',
    icmpError: 'ICMP error',
    portUnreachable: 'type 3, code 3: port unreachable',
    icmpQuotes: 'about the refused packet',
    syncDiff: 'What the sync changed',
    ipvsDiff: (node) => `${node}: ipvsadm -Ln`,
    conntrackDeleted: (node) => `${node}: conntrack entries deleted`,
    tableDiff: (node, table) => `${node}: ${table} table`,
    nothing: 'Nothing rewritten, no rule decided and no conntrack entry touched at this step.',
    hint: 'Press Play or → to follow the packet',
    after: 'After',
    newTab: 'opens in a new tab',
    settings: 'Scenario and view',
    legend: 'Step kinds',
    present: 'Present',
    leavePresent: 'Leave presenter mode',
    showPanels: 'Step details',
  },
  zh: {
    evidence: '这一步',
    changedFields: '改写',
    rulePath: '匹配的规则',
    decides: '决定结果',
    conntrackEntry: '连接跟踪条目',
    originalTuple: '去程',
    replyTuple: '回程',
    ipvsChoice: 'IPVS',
    icmpError: 'ICMP 错误',
    portUnreachable: '类型 3，代码 3：端口不可达',
    icmpQuotes: '针对被拒绝的数据包',
    syncDiff: '这次同步改变了什么',
    ipvsDiff: (node) => `${node}：ipvsadm -Ln`,
    conntrackDeleted: (node) => `${node}：被删除的 conntrack 条目`,
    tableDiff: (node, table) => `${node}：${table} 表`,
    nothing: '这一步没有改写数据包，没有规则做出决定，也没有触及 conntrack 条目。',
    hint: '按“播放”或 → 键，跟随数据包',
    after: '原文',
    newTab: '在新标签页中打开',
    settings: '场景与视图',
    legend: '步骤类型',
    present: '演示',
    leavePresent: '退出演示模式',
    showPanels: '步骤详情',
  },
};
