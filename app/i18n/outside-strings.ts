/** The cluster view's words for the world outside the cluster (the clients, the router, the cloud's load balancer). */
export interface OutsideStrings {
  /** The band the nodes sit on, when clients outside the cluster use it too. */
  readonly nodesNetwork: string;
  readonly router: string;
  readonly loadBalancer: string;
  /** Before a load balancer's loadBalancerSourceRanges. */
  readonly allows: string;
  /** Before the health check node port and each node's answer. */
  readonly healthCheck: string;
  /** A client's tooltip: where it is and how it comes in. */
  readonly clientTitle: (name: string, ip: string, via: 'node-network' | 'router' | 'load-balancer') => string;
  /** The health check's tooltip. */
  readonly healthTitle: (port: number) => string;
  /** A Service's externalTrafficPolicy and internalTrafficPolicy, in its box. */
  readonly externalPolicy: string;
  readonly internalPolicy: string;
}

export const outsideStrings: Readonly<Record<'en' | 'zh', OutsideStrings>> = {
  en: {
    nodesNetwork: 'the nodes’ network',
    router: 'router',
    loadBalancer: 'load balancer',
    allows: 'allows',
    healthCheck: 'health check',
    clientTitle: (name, ip, via) =>
      via === 'node-network'
        ? `${name} (${ip}), a host on the nodes’ own network: it reaches a node’s IP directly`
        : `${name} (${ip}), a client on the internet: it comes in through the ${via === 'router' ? 'router' : 'cloud’s load balancer'}`,
    healthTitle: (port) =>
      `kube-proxy’s health check on each node (port ${port}): 200 when the node has a ready local endpoint, 503 when it has none; the load balancer sends only to nodes that answer 200`,
    externalPolicy: 'external policy',
    internalPolicy: 'internal policy',
  },
  zh: {
    nodesNetwork: '节点网络',
    router: '路由器',
    loadBalancer: '负载均衡器',
    allows: '允许',
    healthCheck: '健康检查',
    clientTitle: (name, ip, via) =>
      via === 'node-network'
        ? `${name}（${ip}），节点网络上的主机：直接访问节点的 IP`
        : `${name}（${ip}），互联网上的客户端：经${via === 'router' ? '路由器' : '云负载均衡器'}进入`,
    healthTitle: (port) =>
      `每个节点上 kube-proxy 的健康检查（端口 ${port}）：节点有就绪的本地后端时返回 200，没有时返回 503；负载均衡器只把流量发给返回 200 的节点`,
    externalPolicy: '外部流量策略',
    internalPolicy: '内部流量策略',
  },
};
