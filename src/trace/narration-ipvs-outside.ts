type Text = { readonly en: string; readonly zh: string };

/**
 * IPVS mode's walks for clients outside the cluster: the ipsets nat PREROUTING matches
 * for a node port, a load balancer IP or an external IP (src/dataplane/ipvs-prerouting-note.ts),
 * why the route is local, the source-range firewall's DROP, and the reply a client
 * cannot use (src/trace/stray-reply.ts). `{sets}` are the ipsets that matched, `{chains}`
 * the chains the packet went through.
 */
export const IPVS_OUTSIDE_NARRATION: Readonly<Record<string, Text>> = {
  'prerouting.ipvs-external-masq': {
    en: 'nat PREROUTING on {node}: {vip} is in the ipset {sets}, so the packet goes through {chains} to KUBE-MARK-MASQ, which marks it 0x4000 for masquerade (externalTrafficPolicy Cluster: the real server may be on another node, and its reply must come back through this one). No DNAT here: IPVS rewrites the destination after filter INPUT.',
    zh: '节点 {node} 的 nat PREROUTING：{vip} 在 ipset {sets} 中，于是数据包经过 {chains} 到达 KUBE-MARK-MASQ，被打上 0x4000 的 MASQUERADE 标记（externalTrafficPolicy 为 Cluster：真实服务器可能在别的节点上，它的回包必须经过本节点返回）。这里不做 DNAT：目标地址由 IPVS 在 filter INPUT 之后改写。',
  },
  'prerouting.ipvs-external-keep': {
    en: "nat PREROUTING on {node}: {vip} is in the ipset {sets}. externalTrafficPolicy Local: the packet goes through {chains} without KUBE-MARK-MASQ, so the client's address {client} is kept. No DNAT here: IPVS rewrites the destination after filter INPUT.",
    zh: '节点 {node} 的 nat PREROUTING：{vip} 在 ipset {sets} 中。externalTrafficPolicy 为 Local：数据包经过 {chains}，但不经过 KUBE-MARK-MASQ，所以客户端地址 {client} 被保留。这里不做 DNAT：目标地址由 IPVS 在 filter INPUT 之后改写。',
  },
  'route.ipvs-node-port': {
    en: "Routing on {node}: {dst} is the node's own address ({route}), so the packet is delivered locally, to INPUT. IPVS has a virtual server there for the node port: kube-proxy makes one on each of the node's addresses (not bound to kube-ipvs0, the node has them already).",
    zh: '节点 {node} 路由：{dst} 是节点自己的地址（{route}），数据包走本地投递（INPUT）。IPVS 在那里有这个 NodePort 的虚拟服务：kube-proxy 在节点的每个地址上各建一个（不绑定到 kube-ipvs0，这些地址本来就属于节点）。',
  },
  'route.ipvs-local-external': {
    en: "Routing on {node}: kube-proxy binds the Service's external and load balancer IPs to the dummy device kube-ipvs0, as it does the ClusterIPs, so {dst} is an address of the node itself ({route}). The packet is delivered locally, to INPUT, not forwarded.",
    zh: '节点 {node} 路由：kube-proxy 把 Service 的外部 IP 和负载均衡器 IP 也像 ClusterIP 一样绑定到虚拟网卡 kube-ipvs0 上，所以 {dst} 是节点自己的地址（{route}）。数据包走本地投递（INPUT），而不是转发。',
  },
  'ipvs.local-fallback': {
    en: "IPVS on {node} ({ipvsHook}, priority {priority}): the virtual server {vs} is for externalTrafficPolicy Local, but {node} has no local endpoint, so kube-proxy gave it every endpoint (kubernetes#97081). The {scheduler} scheduler picks {rs} ({pod}), on another node, and IPVS rewrites the destination to it. Nothing marked the packet for masquerade: the client's address is kept, so the reply will not come back through {node}.",
    zh: '节点 {node} 上的 IPVS（{ipvsHook}，优先级 {priority}）：虚拟服务 {vs} 属于 externalTrafficPolicy 为 Local 的地址，但 {node} 上没有本地后端，于是 kube-proxy 给它配置了所有后端（kubernetes#97081）。{scheduler} 调度器选中了另一个节点上的 {rs}（{pod}），IPVS 把目标地址改写为它。数据包没有被打上 MASQUERADE 标记：客户端地址被保留，所以回包不会经过 {node} 返回。',
  },
  'input.drop.source-ranges': {
    en: "filter INPUT on {node} drops the packet: KUBE-PROXY-FIREWALL finds its destination in the ipset KUBE-LOAD-BALANCER-FW (a load balancer IP with loadBalancerSourceRanges), and in KUBE-SOURCE-RANGES-FIREWALL the client's address {client} is in no range of KUBE-LOAD-BALANCER-SOURCE-CIDR, so the chain's last rule, DROP, decides. IPVS never sees the packet.",
    zh: '节点 {node} 的 filter INPUT 丢弃了数据包：KUBE-PROXY-FIREWALL 在 ipset KUBE-LOAD-BALANCER-FW 中找到它的目标地址（设置了 loadBalancerSourceRanges 的负载均衡器 IP），而在 KUBE-SOURCE-RANGES-FIREWALL 中，客户端地址 {client} 不在 KUBE-LOAD-BALANCER-SOURCE-CIDR 的任何网段内，于是由链的最后一条规则 DROP 决定。IPVS 根本看不到这个数据包。',
  },
  'drop.stray-reply': {
    en: "{client} discards the packet: it comes from {from}, but {client}'s connection is to {expected}, so no socket takes it (a real host answers with a reset). In IPVS mode a node without a local endpoint does not drop externalTrafficPolicy Local traffic: its virtual server falls back to every endpoint (kubernetes#97081), the packet reaches a pod on another node with the client's address kept, and that pod's reply goes straight back to the client with the pod's own address, un-NATed by no one.",
    zh: '{client} 丢弃了这个数据包：它来自 {from}，而 {client} 的连接是发往 {expected} 的，没有任何套接字接收它（真实主机会回一个 RST）。IPVS 模式下，没有本地后端的节点并不会丢弃 externalTrafficPolicy 为 Local 的流量：它的虚拟服务退回使用所有后端（kubernetes#97081），数据包带着客户端原地址到达另一个节点上的 Pod，而该 Pod 的回包以 Pod 自己的地址直接发回客户端，没有任何节点为它做反向 NAT。',
  },
};
