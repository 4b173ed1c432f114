import type { IpvsChange, Lang, PacketLabel, ProxyMode } from '../../src/index';

/**
 * The IPVS panel's labels and the "cost" line. The tables themselves are
 * `ipvsadm` output from the trace and are never translated.
 */
export interface IpvsStrings {
  readonly title: string;
  /** The accessible names of the two terminals: "ipvsadm -Ln (vm1)". */
  readonly table: (node: string) => string;
  readonly connections: (node: string) => string;
  /** What IPVS did at this step, in words. */
  readonly change: (c: IpvsChange) => string;
  /** The step has a table but IPVS did nothing to the packet here. */
  readonly untouched: (node: string) => string;
  /** Steps without IPVS data. */
  readonly onWire: string;
  readonly noTable: string;
  readonly noConnections: string;
  readonly costTitle: string;
  /** "SYN, over its whole walk: 27 iptables rules evaluated; IPVS acted at 1 step with 3 hash lookups." */
  readonly cost: (label: PacketLabel, mode: ProxyMode, rules: number, ipvsSteps: number, hashLookups: number | null) => string;
  /** Why the two numbers differ. */
  readonly costMeaning: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const ipvsStrings: Readonly<Record<Lang, IpvsStrings>> = {
  en: {
    title: 'IPVS',
    table: (node) => `ipvsadm -Ln (${node})`,
    connections: (node) => `ipvsadm -Lnc (${node})`,
    change: (c) => {
      switch (c.change) {
        case 'scheduled':
          return `${c.scheduler} scheduled ${c.realServer} for ${c.virtualServer}`;
        case 'persistent':
          return `persistence template: ${c.virtualServer} sends this client to ${c.realServer} again, without scheduling`;
        case 'existing':
          return `existing IPVS connection: ${c.virtualServer} → ${c.realServer}`;
        case 'reply':
          return `reply rewritten by IPVS: source ${c.realServer} → ${c.virtualServer}`;
      }
    },
    untouched: (node) => `IPVS does nothing to the packet at this step; the table on ${node} as it stands.`,
    onWire: 'No IPVS here: the packet is on the network between the nodes, and IPVS lives in each node’s kernel.',
    noTable: 'No IPVS table at this step.',
    noConnections: 'No IPVS connections yet.',
    costTitle: 'Cost of this packet:',
    cost: (label, mode, rules, steps, lookups) =>
      `${label}, over its whole walk: ${plural(rules, 'iptables rule', 'iptables rules')} evaluated` +
      (mode === 'iptables'
        ? ', no IPVS lookup (iptables mode).'
        : `; IPVS acted at ${plural(steps, 'step', 'steps')}` +
          (lookups === null ? '.' : ` with ${plural(lookups, 'hash lookup', 'hash lookups')} (connections and virtual servers).`)),
    costMeaning:
      'IPVS: the Service lookup is one hash lookup however many Services exist; iptables walks KUBE-SERVICES rule by rule, so its count grows with the Services. Switch the kube-proxy mode to compare: the same packet stays on screen, at the same place (the walks differ in length: IPVS adds kube-ipvs0, INPUT and OUTPUT).',
  },
  zh: {
    title: 'IPVS',
    table: (node) => `ipvsadm -Ln（${node}）`,
    connections: (node) => `ipvsadm -Lnc（${node}）`,
    change: (c) => {
      switch (c.change) {
        case 'scheduled':
          return `${c.scheduler} 调度器为 ${c.virtualServer} 选择了 ${c.realServer}`;
        case 'persistent':
          return `持久连接模板：${c.virtualServer} 再次把这个客户端交给 ${c.realServer}，不再调度`;
        case 'existing':
          return `已有的 IPVS 连接：${c.virtualServer} → ${c.realServer}`;
        case 'reply':
          return `回包由 IPVS 改写：源地址 ${c.realServer} → ${c.virtualServer}`;
      }
    },
    untouched: (node) => `这一步 IPVS 没有处理数据包；下面是 ${node} 上当前的表。`,
    onWire: '这里没有 IPVS：数据包正在节点之间的网络上，IPVS 在每个节点的内核里。',
    noTable: '这一步没有 IPVS 表。',
    noConnections: '还没有 IPVS 连接。',
    costTitle: '这个数据包的开销：',
    cost: (label, mode, rules, steps, lookups) =>
      `${label} 在整个路径上：执行了 ${rules} 条 iptables 规则` +
      (mode === 'iptables'
        ? '，没有 IPVS 查找（iptables 模式）。'
        : `；IPVS 在 ${steps} 个步骤中处理了它` + (lookups === null ? '。' : `，共 ${lookups} 次哈希查找（连接表和虚拟服务表）。`)),
    costMeaning:
      'IPVS：无论有多少个 Service，查找 Service 都只是一次哈希查找；iptables 则逐条遍历 KUBE-SERVICES 规则，规则数随 Service 增多而增长。切换 kube-proxy 模式即可对比：屏幕上仍是同一个数据包、同一个位置（两种模式的路径长度不同：IPVS 多了 kube-ipvs0、INPUT 和 OUTPUT）。',
  },
};
