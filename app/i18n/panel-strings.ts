import type { RuleVerdict, StepKind } from '../../src/index';

/** Labels of the panels and the controls. Engine text (rules, conntrack lines, narration) comes from the trace. */
export interface PanelStrings {
  readonly panels: string;
  readonly packet: string;
  /** Why a control-plane step has no packet. */
  readonly controlPlaneStep: string;
  readonly rules: string;
  readonly conntrack: string;
  readonly narration: string;
  readonly fields: Readonly<Record<'src' | 'dst' | 'protocol' | 'flags' | 'ttl' | 'srcMac' | 'dstMac', string>>;
  readonly noFlags: string;
  readonly unchangedPacket: string;
  readonly changedFields: (names: readonly string[]) => string;
  readonly verdicts: Readonly<Record<RuleVerdict, string>>;
  readonly decides: string;
  readonly noDecision: string;
  /** Why a step evaluated no rule, by step kind (hook steps) or hop (no hook). */
  readonly noRules: Readonly<Partial<Record<StepKind, string>>> & {
    readonly hook: string;
    readonly other: string;
    /** IPVS mode: IPVS, not a rule, rewrote the packet (the dnat at INPUT, the reply at FORWARD). */
    readonly ipvs: string;
    readonly ipvsReply: string;
  };
  /** A kube-proxy-sync step's changes, in iptables-save syntax. */
  readonly rulesDiff: {
    readonly heading: (node: string, table: string) => string;
    readonly added: string;
    readonly removed: string;
    readonly unchanged: string;
    readonly ipvsBefore: string;
    readonly ipvsAfter: string;
    readonly conntrackDeleted: string;
  };
  readonly node: string;
  readonly noEntries: (node: string) => string;
  readonly entryNew: string;
  readonly entryMatched: string;
  readonly entryChange: (node: string, id: number, what: string) => string;
  readonly stepOf: (k: number, n: number) => string;
  readonly articleStage: (figure: string, n: number) => string;
  /** The button that shows how the article tells the step (its own scenario only). */
  readonly articleTelling: string;
  readonly figures: Readonly<Record<'pod-to-service' | 'service-to-pod', string>>;
  readonly noStep: string;
  // Controls
  readonly controls: string;
  readonly play: string;
  readonly pause: string;
  readonly stepForward: string;
  readonly stepBack: string;
  readonly firstStep: string;
  readonly lastStep: string;
  readonly faster: string;
  readonly slower: string;
  readonly speed: string;
  readonly timeline: string;
  readonly timelineValue: (k: number, n: number, kind: string) => string;
  readonly counterStep: string;
  readonly tickGroups: Readonly<Record<'nat' | 'conntrack' | 'filter' | 'stop' | 'l2' | 'l3' | 'control', string>>;
}

const EN_NO_HOOK = 'No netfilter hook at this hop';
const ZH_NO_HOOK = '这一跳没有 netfilter 钩子';

export const panelStrings: Readonly<Record<'en' | 'zh', PanelStrings>> = {
  en: {
    panels: 'What this step did',
    packet: 'Packet',
    controlPlaneStep: 'No packet at this step: the control plane is changing the cluster, and kube-proxy rewrites the rules (see Rules).',
    rules: 'Rules',
    conntrack: 'Conntrack',
    narration: 'Narration',
    fields: {
      src: 'Source',
      dst: 'Destination',
      protocol: 'Protocol',
      flags: 'TCP flags',
      ttl: 'TTL',
      srcMac: 'Source MAC',
      dstMac: 'Destination MAC',
    },
    noFlags: 'none',
    unchangedPacket: 'This step rewrites no header field.',
    changedFields: (names) => `Changed at this step: ${names.join(', ')}.`,
    verdicts: {
      'no-match': 'no match',
      jump: 'jump',
      goto: 'goto',
      return: 'return',
      continue: 'continue',
      accept: 'ACCEPT',
      drop: 'DROP',
      reject: 'REJECT',
      dnat: 'DNAT',
      snat: 'SNAT',
      masquerade: 'MASQUERADE',
    },
    decides: 'decides',
    noDecision: 'No rule decided: the packet came back to the built-in chain and its policy applies.',
    noRules: {
      'leave-pod': `${EN_NO_HOOK}: the frame leaves the pod’s eth0; kube-proxy’s rules live in the node’s root namespace.`,
      veth: `${EN_NO_HOOK}: a veth pair only carries the frame from one namespace into the other.`,
      bridge: `${EN_NO_HOOK}: the bridge switches the frame at layer 2 by its MAC address.`,
      'bridge-miss': `${EN_NO_HOOK}: the bridge hands the frame up to the IP stack, where PREROUTING runs next.`,
      route: 'No rule at this step: routing reads the routing table, not iptables.',
      wire: `${EN_NO_HOOK}: the packet is on the network between the nodes.`,
      'arrive-node': `${EN_NO_HOOK} yet: the packet has just come in through eth0; PREROUTING runs next.`,
      deliver: `${EN_NO_HOOK}: the veth pair hands the frame to the pod.`,
      'socket-error': `${EN_NO_HOOK}: the veth pair hands the error to the pod, whose kernel gives it to the socket.`,
      'conntrack-hit': 'No rule evaluated: conntrack already knows this connection, so the nat table is skipped.',
      'reverse-nat': 'No rule evaluated: conntrack undoes the NAT from its entry; the nat table only sees a connection’s first packet.',
      snat: 'No rule evaluated: conntrack applies the masquerade it recorded for this connection.',
      hook: 'No rule evaluated: the nat table only sees a connection’s first packet, and conntrack has nothing to rewrite here.',
      other: 'No rule evaluated at this step.',
      ipvs: 'No iptables rule here: IPVS, hooked in after filter INPUT, looks the virtual server up in its hash table and rewrites the destination itself (see the IPVS panel).',
      ipvsReply:
        'No iptables rule here: IPVS, hooked in after filter FORWARD, finds its connection and rewrites the reply’s source back to the virtual server (see the IPVS panel).',
      'api-event':
        'No rule here: the API server only stores the objects; kube-proxy on every node turns them into rules in the next steps.',
    },
    rulesDiff: {
      heading: (node, table) => `${node}: ${table} table, as iptables-save shows it`,
      added: 'added',
      removed: 'removed',
      unchanged: 'kube-proxy’s sync left this node’s iptables rules unchanged.',
      ipvsBefore: 'ipvsadm -Ln before the sync',
      ipvsAfter: 'ipvsadm -Ln after the sync',
      conntrackDeleted: 'conntrack entries kube-proxy deleted (stale UDP)',
    },
    node: 'Node',
    noEntries: (node) => `No connections tracked on ${node} yet.`,
    entryNew: 'new entry',
    entryMatched: 'matched',
    entryChange: (node, id, what) => `Entry #${id} on ${node}: ${what}`,
    stepOf: (k, n) => `Step ${k} of ${n}`,
    articleStage: (figure, n) => `Article: ${figure}, step ${n}`,
    articleTelling: 'How the article tells it',
    figures: { 'pod-to-service': 'Pod to Service', 'service-to-pod': 'Service to Pod' },
    noStep: 'The trace has no steps.',
    controls: 'Playback',
    play: 'Play',
    pause: 'Pause',
    stepForward: 'Step forward',
    stepBack: 'Step back',
    firstStep: 'First step',
    lastStep: 'Last step',
    faster: 'Faster',
    slower: 'Slower',
    speed: 'Speed',
    timeline: 'Timeline',
    timelineValue: (k, n, kind) => `Step ${k} of ${n}: ${kind}`,
    counterStep: 'Step',
    tickGroups: {
      nat: 'NAT',
      conntrack: 'conntrack',
      filter: 'netfilter hook',
      stop: 'reject / drop',
      l2: 'veth / bridge',
      l3: 'routing / network',
      control: 'control plane',
    },
  },
  zh: {
    panels: '这一步做了什么',
    packet: '数据包',
    controlPlaneStep: '这一步没有数据包：控制平面在改变集群，kube-proxy 重写规则（见“规则”面板）。',
    rules: '规则',
    conntrack: '连接跟踪',
    narration: '讲解',
    fields: {
      src: '源地址',
      dst: '目的地址',
      protocol: '协议',
      flags: 'TCP 标志',
      ttl: 'TTL',
      srcMac: '源 MAC',
      dstMac: '目的 MAC',
    },
    noFlags: '无',
    unchangedPacket: '这一步没有改写任何头部字段。',
    changedFields: (names) => `这一步改变了：${names.join('、')}。`,
    verdicts: {
      'no-match': '不匹配',
      jump: '跳转',
      goto: 'goto 跳转',
      return: '返回',
      continue: '继续',
      accept: 'ACCEPT',
      drop: 'DROP',
      reject: 'REJECT',
      dnat: 'DNAT',
      snat: 'SNAT',
      masquerade: 'MASQUERADE',
    },
    decides: '决定结果',
    noDecision: '没有规则做出决定：数据包回到内置链，由链的默认策略处理。',
    noRules: {
      'leave-pod': `${ZH_NO_HOOK}：帧正离开 Pod 的 eth0；kube-proxy 的规则在节点的 root namespace 中。`,
      veth: `${ZH_NO_HOOK}：veth 对只是把帧从一个命名空间送到另一个。`,
      bridge: `${ZH_NO_HOOK}：网桥按 MAC 地址在二层转发帧。`,
      'bridge-miss': `${ZH_NO_HOOK}：网桥把帧交给 IP 协议栈，接下来执行 PREROUTING。`,
      route: '这一步没有规则：路由查的是路由表，不是 iptables。',
      wire: `${ZH_NO_HOOK}：数据包正在节点之间的网络上传输。`,
      'arrive-node': `${ZH_NO_HOOK}：数据包刚从 eth0 进入，接下来执行 PREROUTING。`,
      deliver: `${ZH_NO_HOOK}：veth 对把帧交给 Pod。`,
      'socket-error': `${ZH_NO_HOOK}：veth 对把错误交给 Pod，由它的内核交给套接字。`,
      'conntrack-hit': '没有执行规则：conntrack 已经认识这个连接，因此跳过 nat 表。',
      'reverse-nat': '没有执行规则：conntrack 根据它的条目撤销 NAT；nat 表只处理连接的第一个数据包。',
      snat: '没有执行规则：conntrack 应用它为这个连接记录的伪装（masquerade）。',
      hook: '没有执行规则：nat 表只处理连接的第一个数据包，而 conntrack 在这里没有需要改写的内容。',
      other: '这一步没有执行规则。',
      ipvs: '这里没有 iptables 规则：挂在 filter INPUT 之后的 IPVS 在它的哈希表中查找虚拟服务，并自己改写目标地址（见 IPVS 面板）。',
      ipvsReply: '这里没有 iptables 规则：挂在 filter FORWARD 之后的 IPVS 找到它的连接，把回包的源地址改回虚拟服务（见 IPVS 面板）。',
      'api-event': '这一步没有规则：API Server 只保存对象；接下来每个节点上的 kube-proxy 把它们变成规则。',
    },
    rulesDiff: {
      heading: (node, table) => `${node}：${table} 表（iptables-save 格式）`,
      added: '新增',
      removed: '删除',
      unchanged: 'kube-proxy 的这次同步没有改变本节点的 iptables 规则。',
      ipvsBefore: '同步前的 ipvsadm -Ln',
      ipvsAfter: '同步后的 ipvsadm -Ln',
      conntrackDeleted: 'kube-proxy 删除的 conntrack 条目（过期的 UDP 条目）',
    },
    node: '节点',
    noEntries: (node) => `${node} 上还没有被跟踪的连接。`,
    entryNew: '新建条目',
    entryMatched: '命中',
    entryChange: (node, id, what) => `${node} 上的条目 #${id}：${what}`,
    stepOf: (k, n) => `第 ${k} 步，共 ${n} 步`,
    articleStage: (figure, n) => `文章：${figure}，第 ${n} 步`,
    articleTelling: '文章的说法',
    figures: { 'pod-to-service': 'Pod 到 Service', 'service-to-pod': 'Service 到 Pod' },
    noStep: '追踪中没有步骤。',
    controls: '播放控制',
    play: '播放',
    pause: '暂停',
    stepForward: '下一步',
    stepBack: '上一步',
    firstStep: '第一步',
    lastStep: '最后一步',
    faster: '加快',
    slower: '减慢',
    speed: '速度',
    timeline: '时间轴',
    timelineValue: (k, n, kind) => `第 ${k} 步，共 ${n} 步：${kind}`,
    counterStep: '步骤',
    tickGroups: {
      nat: 'NAT',
      conntrack: 'conntrack',
      filter: 'netfilter 钩子',
      stop: 'REJECT / DROP',
      l2: 'veth / 网桥',
      l3: '路由 / 网络',
      control: '控制平面',
    },
  },
};
