type Text = { readonly en: string; readonly zh: string };

/**
 * Traffic from outside the cluster (src/dataplane/outside-walk.ts,
 * outside-delivery.ts): a client's packet on its way to a node, the external
 * chains' DNAT, a DROP that a rule's comment explains, the reply's way out.
 * `{via}` is node-network, router or load-balancer; `{chains}` the chains the
 * packet jumped through, in order.
 */
export const OUTSIDE_NARRATION: Readonly<Record<string, Text>> = {
  'wire.from-node-network': {
    en: "{client}, a host on the nodes' own network, sends the packet to {dst}: the frame goes straight to {node}'s eth0.",
    zh: '{client} 是节点所在网络上的一台主机，它把数据包发往 {dst}：帧直接到达 {node} 的 eth0。',
  },
  'wire.to-router': {
    en: '{client}, on the internet, sends the packet to {dst}. It reaches the router in front of the nodes first.',
    zh: '互联网上的 {client} 把数据包发往 {dst}，先到达节点网络前面的路由器。',
  },
  'wire.from-router': {
    en: "The router forwards the packet to {node}'s eth0: its route for {dst} points there. Nothing is rewritten: the source is still {client}'s own address.",
    zh: '路由器把数据包转发到 {node} 的 eth0：它到 {dst} 的路由指向这个节点。地址没有任何改写：源地址仍是 {client} 自己的地址。',
  },
  'wire.to-load-balancer': {
    en: "{client}, on the internet, sends the packet to {dst}, the Service's load balancer IP. The cloud's load balancer receives it.",
    zh: '互联网上的 {client} 把数据包发往 {dst}，即 Service 的负载均衡器 IP，由云厂商的负载均衡器接收。',
  },
  'wire.from-load-balancer': {
    en: "The cloud's load balancer passes the packet to {node} unchanged: a passthrough load balancer keeps the client's address and the destination {dst}, and kube-proxy's rules on the node answer for the load balancer's IP.",
    zh: '云负载均衡器把数据包原样交给 {node}：直通型负载均衡器保留客户端地址和目标地址 {dst}，由节点上 kube-proxy 的规则处理负载均衡器的 IP。',
  },
  'wire.out-to-router': {
    en: '{node} sends the packet out of eth0 by its default route, to the router, on its way to {client} ({dst}).',
    zh: '{node} 按默认路由把数据包从 eth0 发给路由器，送往 {client}（{dst}）。',
  },
  'wire.out-to-load-balancer': {
    en: '{node} sends the packet out of eth0 on its way back to {client} ({dst}), along the way the request came in.',
    zh: '{node} 把数据包从 eth0 发出，沿请求进来的路径返回 {client}（{dst}）。',
  },
  'wire.reach-client': {
    en: 'The packet reaches {client} ({dst}), outside the cluster.',
    zh: '数据包到达集群外的 {client}（{dst}）。',
  },
  'prerouting.dnat.external-masq': {
    en: "nat PREROUTING on {node}: {vip} is one of the Service's external addresses, so the packet goes through {chains}. {extChain} jumps to KUBE-MARK-MASQ first (externalTrafficPolicy Cluster: the endpoint may be on another node, so the reply must come back through this one), then DNATs the destination to {endpoint} ({pod}). The source is masqueraded at POSTROUTING.",
    zh: '节点 {node} 的 nat PREROUTING：{vip} 是 Service 的外部地址之一，数据包依次经过 {chains}。{extChain} 先跳到 KUBE-MARK-MASQ（externalTrafficPolicy 为 Cluster：后端可能在其他节点，回包必须经过本节点返回），再把目标地址 DNAT 为 {endpoint}（{pod}）。源地址将在 POSTROUTING 做 MASQUERADE。',
  },
  'prerouting.dnat.external-keep': {
    en: "nat PREROUTING on {node}: {vip} is one of the Service's external addresses, so the packet goes through {chains}, which DNATs the destination to {endpoint} ({pod}) without marking it for masquerade: the client's address {client} is kept, and the endpoint sees it.",
    zh: '节点 {node} 的 nat PREROUTING：{vip} 是 Service 的外部地址之一，数据包依次经过 {chains}，目标地址被 DNAT 为 {endpoint}（{pod}），但没有打 MASQUERADE 标记：客户端地址 {client} 被保留，后端看到的就是它。',
  },
  'prerouting.external-returns.local': {
    en: 'nat PREROUTING on {node}: {via} sends {vip} to {chain}, the external chain of {service}, and no rule there matches: under externalTrafficPolicy Local kube-proxy puts the jump to the endpoints in this chain only on a node that has one of them, and {node} has none. The chain returns without a DNAT, so the destination is left alone; conntrack starts tracking the packet as a new connection.',
    zh: '节点 {node} 的 nat PREROUTING：{via} 把 {vip} 送进 {service} 的外部链 {chain}，但那里没有规则匹配：externalTrafficPolicy 为 Local 时，kube-proxy 只在有本地端点的节点上往这条链里写跳转到端点的规则，而 {node} 上没有。链返回，没有 DNAT，目标地址不变；conntrack 把它作为新连接开始跟踪。',
  },
  'prerouting.external-returns': {
    en: 'nat PREROUTING on {node}: {via} sends {vip} to {chain}, the external chain of {service}, and no rule there matches. The chain returns without a DNAT, so the destination is left alone; conntrack starts tracking the packet as a new connection.',
    zh: '节点 {node} 的 nat PREROUTING：{via} 把 {vip} 送进 {service} 的外部链 {chain}，但那里没有规则匹配。链返回，没有 DNAT，目标地址不变；conntrack 把它作为新连接开始跟踪。',
  },
  'input.drop.commented': {
    en: 'filter INPUT on {node} drops the packet. The rule that decides says why in its comment: "{comment}".',
    zh: '节点 {node} 的 filter INPUT 丢弃了数据包。做出决定的规则在注释里写明了原因：“{comment}”。',
  },
  'forward.drop.commented': {
    en: 'filter FORWARD on {node} drops the packet. The rule that decides says why in its comment: "{comment}".',
    zh: '节点 {node} 的 filter FORWARD 丢弃了数据包。做出决定的规则在注释里写明了原因：“{comment}”。',
  },
};
