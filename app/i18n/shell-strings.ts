import type { Lang } from './lang';
import type { IpvsScheduler, ProxyMode } from '../../src/index';
import type { Theme } from '../store/theme';
import type { Alert, View } from '../store/types';

/** The shell's labels: header, pickers, alerts, the classic view's "does not fit" message. */
export interface ShellStrings {
  readonly scenario: string;
  readonly customScenario: string;
  readonly presets: Readonly<Record<string, string>>;
  readonly views: Readonly<Record<View, string>>;
  /** The view switch's words where the header is narrow (IPVS mode's scheduler takes room): each is in its button's full name. */
  readonly viewsShort: Readonly<Record<View, string>>;
  readonly viewLabel: string;
  /** The kube-proxy mode switch: its group label and one button per mode. */
  readonly modeLabel: string;
  readonly modes: Readonly<Record<ProxyMode, string>>;
  readonly scheduler: string;
  readonly schedulers: Readonly<Record<IpvsScheduler, string>>;
  /** The theme picker: its label (for screen readers) and each theme as the picker shows it. */
  readonly themeLabel: string;
  readonly themes: Readonly<Record<Theme, string>>;
  readonly alert: (a: Alert) => string;
  readonly dismiss: string;
  readonly classicDoesNotFit: (preset: string) => string;
  readonly openCluster: string;
  readonly topology: string;
}

const PRESETS_EN: Record<string, string> = {
  article: 'The article: pod1 → svc1 (pod3, pod4 on vm2)',
  'same-node': 'Same node: pod1 → svc1 (pod2)',
  'cross-node': 'Cross node: pod1 → svc1 (pod4)',
  'no-endpoints': 'No ready endpoints: REJECT',
  hairpin: 'Hairpin: pod4 → its own Service',
  'session-affinity': 'Session affinity (ClientIP)',
  'node-to-service': 'A process on the node → svc1',
  'three-replicas': 'Three replicas',
  scale: 'Scale: 20 nodes, 400 pods, 200 Services',
  large: 'Large: 100 nodes, 3k pods, 1k Services',
  'pod-churn': 'Pod churn: pod4 deleted and re-created',
  'service-recreated': 'Service deleted and created again',
  'not-ready': 'pod4 not ready, then ready again',
  nodeport: 'NodePort: a laptop → vm1:30000 (pod4 on vm2)',
  'nodeport-local': 'NodePort, externalTrafficPolicy: Local',
  loadbalancer: 'LoadBalancer with source ranges',
  'external-ip': 'externalIPs: a client → an external IP',
};

const PRESETS_ZH: Record<string, string> = {
  article: '文章场景：pod1 → svc1（vm2 上的 pod3、pod4）',
  'same-node': '同节点：pod1 → svc1（pod2）',
  'cross-node': '跨节点：pod1 → svc1（pod4）',
  'no-endpoints': '没有就绪的 Pod：REJECT',
  hairpin: 'Hairpin：pod4 → 自己的 Service',
  'session-affinity': '会话保持（ClientIP）',
  'node-to-service': '节点上的进程 → svc1',
  'three-replicas': '三个副本',
  scale: '规模：20 个节点、400 个 Pod、200 个 Service',
  large: '大规模：100 个节点、3000 个 Pod、1000 个 Service',
  'pod-churn': 'Pod 变动：pod4 被删除后重建',
  'service-recreated': 'Service 被删除后重新创建',
  'not-ready': 'pod4 未就绪，之后恢复就绪',
  nodeport: 'NodePort：笔记本 → vm1:30000（vm2 上的 pod4）',
  'nodeport-local': 'NodePort，externalTrafficPolicy: Local',
  loadbalancer: 'LoadBalancer 与来源地址范围',
  'external-ip': 'externalIPs：客户端 → 外部 IP',
};

const REASON_EN: Record<Alert['reason'], string> = {
  unknown: 'is not one this page knows',
  'out-of-range': 'is out of range',
  invalid: 'is not a valid value',
};
const REASON_ZH: Record<Alert['reason'], string> = { unknown: '不是本页面支持的值', 'out-of-range': '超出范围', invalid: '不是有效的值' };

export const shellStrings: Readonly<Record<Lang, ShellStrings>> = {
  en: {
    scenario: 'Scenario',
    customScenario: 'Your own scenario',
    presets: PRESETS_EN,
    views: { cluster: 'Cluster view', classic: 'Article figures', list: 'All steps' },
    viewsShort: { cluster: 'Cluster', classic: 'Figures', list: 'Steps' },
    viewLabel: 'View',
    modeLabel: 'kube-proxy mode',
    modes: { iptables: 'iptables', ipvs: 'IPVS', nftables: 'nftables' },
    scheduler: 'IPVS scheduler',
    schedulers: {
      rr: 'round robin',
      wrr: 'weighted round robin',
      lc: 'least connections',
      wlc: 'weighted least connections',
      sh: 'source hashing',
      dh: 'destination hashing',
      sed: 'shortest expected delay',
      nq: 'never queue',
    },
    themeLabel: 'Colour theme',
    themes: { auto: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark', contrast: 'Theme: high contrast' },
    alert: (a) =>
      `The URL parameter “${a.param}” (${JSON.stringify(a.value.slice(0, 60))}) ${REASON_EN[a.reason]}; showing ${a.instead === 'nearest' ? 'the nearest one' : 'the default'} instead.`,
    dismiss: 'Dismiss',
    classicDoesNotFit: (p) =>
      `The article's figures draw a pod calling a Service whose chosen pod is on another node, and the reply. The “${p}” scenario has another shape, so it has no figure.`,
    openCluster: 'Open the cluster view',
    topology: 'Topology',
  },
  zh: {
    scenario: '场景',
    customScenario: '自定义场景',
    presets: PRESETS_ZH,
    views: { cluster: '集群视图', classic: '文章插图', list: '全部步骤' },
    viewsShort: { cluster: '集群', classic: '插图', list: '步骤' },
    viewLabel: '视图',
    modeLabel: 'kube-proxy 模式',
    modes: { iptables: 'iptables', ipvs: 'IPVS', nftables: 'nftables' },
    scheduler: 'IPVS 调度算法',
    schedulers: {
      rr: '轮询',
      wrr: '加权轮询',
      lc: '最少连接',
      wlc: '加权最少连接',
      sh: '源地址哈希',
      dh: '目标地址哈希',
      sed: '最短期望延迟',
      nq: '不排队',
    },
    themeLabel: '配色主题',
    themes: { auto: '主题：跟随系统', light: '主题：浅色', dark: '主题：深色', contrast: '主题：高对比度' },
    alert: (a) =>
      `URL 参数“${a.param}”（${JSON.stringify(a.value.slice(0, 60))}）${REASON_ZH[a.reason]}；已改用${a.instead === 'nearest' ? '最接近的值' : '默认值'}。`,
    dismiss: '关闭',
    classicDoesNotFit: (p) =>
      `文章插图画的是一个 Pod 访问 Service、被选中的 Pod 在另一个节点上，以及回包。“${p}”场景的拓扑不同，没有对应的插图。`,
    openCluster: '打开集群视图',
    topology: '拓扑',
  },
};
