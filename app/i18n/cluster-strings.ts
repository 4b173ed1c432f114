import { nftUiStrings } from './nftui-strings';
import { outsideStrings, type OutsideStrings } from './outside-strings';

/** The cluster view's labels. Device and chain names (eth0, cbr0, PREROUTING, kube-proxy) stay as Linux and Kubernetes spell them. */
export interface ClusterStrings extends OutsideStrings {
  readonly viewLabel: string;
  readonly network: string;
  readonly rootNetns: string;
  readonly podNetns: string;
  /** Before a node's pod CIDR. */
  readonly podRange: string;
  readonly routing: string;
  readonly host: string;
  readonly apiServer: string;
  readonly apiServerDetail: string;
  readonly kubeProxy: string;
  readonly watches: string;
  readonly servicesCaption: string;
  readonly endpoints: string;
  /** ": " in English, "：" in Chinese. */
  readonly colon: string;
  readonly noEndpoints: string;
  readonly client: string;
  /** "endpoint of svc1" */
  readonly endpointOf: (service: string) => string;
  readonly chosen: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly resetZoom: string;
  readonly zoomControls: string;
  readonly rewrite: Readonly<Record<'src' | 'dst', string>>;
  // IPVS mode
  readonly watchesIpvs: string;
  /** nftables mode: what kube-proxy writes (the words are in nftui-strings.ts). */
  readonly watchesNft: string;
  readonly servicesCaptionIpvs: string;
  /** kube-ipvs0's tooltip: how many addresses, and the first few. */
  readonly kubeIpvs0: (count: number, first: readonly string[]) => string;
  /** The INPUT hook's tooltip in IPVS mode. */
  readonly ipvsActs: string;
  /** The callout's heading when IPVS, not a rule, rewrote the packet. */
  readonly ipvsRewrite: (scheduler: string) => string;
  /** The packet card's title on a control-plane step, which carries no packet. */
  readonly controlPlane: string;
}

export const clusterStrings: Readonly<Record<'en' | 'zh', ClusterStrings>> = {
  en: {
    viewLabel:
      'The cluster: nodes, their network namespaces and netfilter hooks, pods, the Service’s virtual address, and the packet on its way',
    network: 'the network',
    rootNetns: 'root netns',
    podNetns: 'netns',
    podRange: 'pods',
    routing: 'routing',
    host: 'host',
    apiServer: 'API server',
    apiServerDetail: 'kube-apiserver',
    kubeProxy: 'kube-proxy',
    watches: 'kube-proxy watches the API server and writes the iptables rules',
    servicesCaption: 'Services: virtual addresses that no device holds',
    endpoints: 'endpoints',
    colon: ': ',
    noEndpoints: 'no ready endpoints',
    client: 'client',
    endpointOf: (service) => `endpoint of ${service}`,
    chosen: 'chosen',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    resetZoom: 'Fit the whole cluster (reset zoom)',
    zoomControls: 'Zoom',
    rewrite: { src: 'src', dst: 'dst' },
    watchesIpvs: 'kube-proxy watches the API server and writes IPVS virtual servers, ipsets and a few iptables rules',
    watchesNft: nftUiStrings.en.watches,
    servicesCaptionIpvs: 'Services: virtual addresses, bound to kube-ipvs0 on every node',
    kubeIpvs0: (count, first) =>
      `kube-ipvs0, a dummy device: ${count} address${count === 1 ? '' : 'es'} (every ClusterIP, so routing delivers them locally): ${first.join(', ')}${count > first.length ? ', …' : ''}`,
    ipvsActs: 'IPVS hooks in here (LOCAL_IN, after filter INPUT): it picks a real server and rewrites the destination',
    ipvsRewrite: (scheduler) => `IPVS (${scheduler})`,
    controlPlane: 'control plane',
    ...outsideStrings.en,
  },
  zh: {
    viewLabel: '集群：节点及其网络命名空间与 netfilter 钩子、Pod、Service 的虚拟地址，以及途中的数据包',
    network: '网络',
    rootNetns: 'root netns',
    podNetns: 'netns',
    podRange: 'Pod 网段',
    routing: '路由',
    host: '主机',
    apiServer: 'API 服务器',
    apiServerDetail: 'kube-apiserver',
    kubeProxy: 'kube-proxy',
    watches: 'kube-proxy 监听 API 服务器并写入 iptables 规则',
    servicesCaption: 'Service：不属于任何设备的虚拟地址',
    endpoints: '后端',
    colon: '：',
    noEndpoints: '没有就绪的后端',
    client: '客户端',
    endpointOf: (service) => `${service} 的后端`,
    chosen: '已选中',
    zoomIn: '放大',
    zoomOut: '缩小',
    resetZoom: '显示整个集群（重置缩放）',
    zoomControls: '缩放',
    rewrite: { src: '源', dst: '目标' },
    watchesIpvs: 'kube-proxy 监听 API 服务器，写入 IPVS 虚拟服务、ipset 和少量 iptables 规则',
    watchesNft: nftUiStrings.zh.watches,
    servicesCaptionIpvs: 'Service：虚拟地址，绑定在每个节点的 kube-ipvs0 上',
    kubeIpvs0: (count, first) =>
      `kube-ipvs0，一个 dummy 设备：${count} 个地址（每个 ClusterIP，因此路由把它们当作本机地址）：${first.join('、')}${count > first.length ? '……' : ''}`,
    ipvsActs: 'IPVS 挂在这里（LOCAL_IN，filter INPUT 之后）：选择真实服务器并改写目标地址',
    ipvsRewrite: (scheduler) => `IPVS（${scheduler}）`,
    controlPlane: '控制平面',
    ...outsideStrings.zh,
  },
};
