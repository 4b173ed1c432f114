import type { StepKind } from '../../src/index';

/** The page's own labels. Engine text (rules, conntrack lines) is shown as the kernel prints it. */
export interface Strings {
  readonly title: string;
  readonly subtitle: string;
  readonly stepsLabel: string;
  readonly step: string;
  readonly packet: string;
  readonly changed: string;
  readonly unchanged: string;
  readonly rule: string;
  readonly conntrack: string;
  readonly stage: string;
  readonly original: string;
  readonly reply: string;
  readonly figures: Readonly<Record<'pod-to-service' | 'service-to-pod', string>>;
  readonly kinds: Readonly<Record<StepKind, string>>;
  readonly conntrackChanges: Readonly<Record<'new' | 'update' | 'hit', string>>;
  readonly entry: string;
  readonly noPreset: string;
  readonly language: string;
  /** ": " in English, "：" in Chinese. */
  readonly colon: string;
}

export const en: Strings = {
  title: 'A packet from a Pod to a Service and back',
  subtitle: 'Every hop of the article’s scenario, as the simulated node records it.',
  stepsLabel: 'Steps of the trace',
  step: 'Step',
  packet: 'Packet',
  changed: 'Changed',
  unchanged: 'nothing',
  rule: 'Deciding rule',
  conntrack: 'Conntrack',
  stage: 'Article',
  original: 'original direction',
  reply: 'reply direction',
  figures: { 'pod-to-service': 'Pod to Service', 'service-to-pod': 'Service to Pod' },
  kinds: {
    'leave-pod': 'the pod’s eth0 hands the frame to its veth pair',
    veth: 'the frame crosses the veth pair into the root namespace',
    bridge: 'the bridge forwards the frame to another port',
    'bridge-miss': 'no bridge port has the destination: up to the IP stack',
    hook: 'a netfilter hook runs its rules',
    dnat: 'the destination is rewritten (DNAT)',
    snat: 'the source is masqueraded (SNAT)',
    'conntrack-new': 'a new connection is confirmed in conntrack',
    'conntrack-hit': 'conntrack knows this connection: no nat rule runs',
    'reverse-nat': 'conntrack undoes the NAT on the reply',
    route: 'the routing decision',
    wire: 'the packet crosses the network between nodes',
    'arrive-node': 'the packet enters the node on eth0',
    deliver: 'the packet reaches the pod’s eth0',
    reject: 'a REJECT rule (or IPVS with no real server) refuses the packet',
    'icmp-error': 'the node sends ICMP port unreachable back to the sender',
    'socket-error': 'the error reaches the sender, and its connect() fails',
    drop: 'the packet is dropped',
    'api-event': 'the API server records a change to the cluster',
    'kube-proxy-sync': 'kube-proxy on a node resyncs its rules',
  },
  conntrackChanges: { new: 'new', update: 'updated', hit: 'matched' },
  entry: 'entry',
  noPreset: 'The article scenario is not available.',
  language: 'Language',
  colon: ': ',
};

export const zh: Strings = {
  title: '数据包从 Pod 到 Service 再返回',
  subtitle: '文章场景中的每一跳，由模拟节点逐一记录。',
  stepsLabel: '追踪的步骤',
  step: '步骤',
  packet: '数据包',
  changed: '变化',
  unchanged: '无',
  rule: '决定性规则',
  conntrack: '连接跟踪',
  stage: '文章',
  original: '去程',
  reply: '回程',
  figures: { 'pod-to-service': 'Pod 到 Service', 'service-to-pod': 'Service 到 Pod' },
  kinds: {
    'leave-pod': 'Pod 的 eth0 把帧交给它的 veth 对',
    veth: '帧经过 veth 对进入根命名空间',
    bridge: '网桥把帧转发到另一个端口',
    'bridge-miss': '网桥端口中没有目的地址：交给 IP 协议栈',
    hook: 'netfilter 钩子执行它的规则',
    dnat: '目的地址被改写（DNAT）',
    snat: '源地址被伪装（SNAT）',
    'conntrack-new': '新连接在 conntrack 中确认',
    'conntrack-hit': 'conntrack 已知此连接：不再执行 nat 规则',
    'reverse-nat': 'conntrack 在回包上撤销 NAT',
    route: '路由决策',
    wire: '数据包经网络在节点之间传输',
    'arrive-node': '数据包从 eth0 进入节点',
    deliver: '数据包到达 Pod 的 eth0',
    reject: 'REJECT 规则（或没有真实服务器的 IPVS）拒绝数据包',
    'icmp-error': '节点向发送方发回 ICMP 端口不可达',
    'socket-error': '错误到达发送方，它的 connect() 失败',
    drop: '数据包被丢弃',
    'api-event': 'API Server 记录集群的一次变化',
    'kube-proxy-sync': '节点上的 kube-proxy 重新同步规则',
  },
  conntrackChanges: { new: '新建', update: '更新', hit: '命中' },
  entry: '条目',
  noPreset: '文章场景不可用。',
  language: '语言',
  colon: '：',
};
