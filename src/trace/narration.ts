import { ARTICLE_NARRATION } from './narration-article';
import { clusterEvents, isControlPlaneNote } from './cluster-events';
import { DNAT_NARRATION } from './narration-dnat';
import { hasModeEngine, modeEngine } from '../dataplane/mode-engines';
import { OUTSIDE_NARRATION } from './narration-outside';
import { REFUSAL_NARRATION } from './narration-refusal';
import type { Note } from './types';

export type Lang = 'en' | 'zh';

type Templates = Readonly<Record<string, { readonly en: string; readonly zh: string }>>;

/**
 * What each step did, in one to three sentences, by note id: the walk picks
 * the id from what happened (which match decided a DNAT, where an ICMP error
 * came from), and the parameters name the real addresses. The Chinese follows
 * the article's wording (reference/seed-article-zh.md) where the article covers
 * the step; where the article tells a step otherwise than the kernel does it,
 * that comparison is a note of its own (`article.*`, the step's `articleNote`).
 * `{name}` is replaced with the note's parameter of that name.
 */
export const NARRATION: Templates = {
  'leave-pod.gateway': {
    en: '{pod} sends the packet out of its own eth0. {dst} is not on its subnet, so the frame is addressed to its default gateway {gateway} (cbr0) and enters the veth pair.',
    zh: '数据包首先通过 {pod} 的 eth0 网卡发出。{dst} 不在 Pod 的子网内，所以帧的目标 MAC 是默认网关 {gateway}（cbr0），数据包进入 veth 对。',
  },
  'leave-pod.on-link': {
    en: "{pod} sends the packet out of its eth0, straight to {dst}: it is on the same subnet, so ARP gives that address's own MAC.",
    zh: '数据包通过 {pod} 的 eth0 网卡发出。{dst} 与它在同一子网，ARP 直接得到对方的 MAC 地址。',
  },
  veth: {
    en: 'The packet crosses the veth pair: it comes out of {veth} in the root namespace, a port of the bridge cbr0.',
    zh: '数据经过虚拟网卡 {veth} 到达网桥 cbr0（{veth} 是 root namespace 中 veth 对的一端，也是网桥的一个端口）。',
  },
  'bridge-miss': {
    en: "No bridge port holds {dst}: the frame is addressed to cbr0 itself ({bridge}), so the bridge hands it up to the root namespace's IP stack, and the node routes the packet.",
    zh: '网桥上没有哪个端口持有 {dst}：帧的目标 MAC 就是 cbr0（{bridge}）自己，所以网桥把它交给 root namespace 的 IP 协议栈，由节点进行路由。',
  },
  'bridge.br-netfilter': {
    en: 'The bridge finds {dst} behind port {port}. Because br_netfilter is loaded (bridge-nf-call-iptables=1), the bridged frame still passes the IP netfilter hooks.',
    zh: '网桥在端口 {port} 后找到 {dst}。由于加载了 br_netfilter（bridge-nf-call-iptables=1），这个二层转发的帧仍然经过 IP 层的 netfilter 钩子。',
  },
  'prerouting.no-service': {
    en: 'nat PREROUTING on {node}: no Service rule in KUBE-SERVICES matches {vip}, so the destination is left alone. conntrack starts tracking the packet as a new connection.',
    zh: '节点 {node} 的 nat PREROUTING：KUBE-SERVICES 中没有规则匹配 {vip}，目标地址不变。conntrack 把它作为新连接开始跟踪。',
  },
  'prerouting.ipvs-accept': {
    en: 'nat PREROUTING on {node}: KUBE-SERVICES finds {vip} in the ipset KUBE-CLUSTER-IP and accepts the packet without any DNAT: in IPVS mode the destination is rewritten later, by IPVS after filter INPUT. conntrack starts tracking the packet as a new connection.',
    zh: '节点 {node} 的 nat PREROUTING：KUBE-SERVICES 在 ipset KUBE-CLUSTER-IP 中找到 {vip}，不做 DNAT 直接放行：IPVS 模式下目标地址稍后由 IPVS 在 filter INPUT 之后改写。conntrack 把它作为新连接开始跟踪。',
  },
  'prerouting.conntrack': {
    en: "PREROUTING on {node}: conntrack finds the connection ({direction} direction, {from} -> {to}). The nat table is only consulted for a connection's first packet, so no kube-proxy rule is evaluated.",
    zh: '节点 {node} 的 PREROUTING：conntrack 找到了这个连接（{direction} 方向，{from} -> {to}）。nat 表只处理连接的第一个数据包，所以这里不再匹配 kube-proxy 的任何规则。',
  },
  'prerouting.conntrack-stateless': {
    en: "PREROUTING on {node}: conntrack finds the connection ({direction} direction). The nat table is only consulted for a connection's first packet, so no kube-proxy rule is evaluated.",
    zh: '节点 {node} 的 PREROUTING：conntrack 找到了这个连接（{direction} 方向）。nat 表只处理连接的第一个数据包，所以这里不再匹配 kube-proxy 的任何规则。',
  },
  'prerouting.conntrack-dnat': {
    en: 'PREROUTING on {node}: conntrack remembers the endpoint it chose for this connection and rewrites the destination to {dst} without evaluating any nat rule.',
    zh: '节点 {node} 的 PREROUTING：conntrack 记录了之前选择的 Pod，直接把目标地址改为 {dst}，不再经过 nat 规则。',
  },
  'prerouting.un-snat': {
    en: 'PREROUTING on {node}: this reply is addressed to the masquerade address; conntrack rewrites the destination back to {dst}, the original client.',
    zh: '节点 {node} 的 PREROUTING：回复发往 MASQUERADE 后的地址，conntrack 把目标地址改回原始客户端 {dst}。',
  },
  'prerouting.invalid': {
    en: 'PREROUTING on {node}: conntrack finds the connection but the packet does not fit its state: it is INVALID, and KUBE-FORWARD drops such packets.',
    zh: '节点 {node} 的 PREROUTING：数据包不符合连接的状态，被标记为 INVALID，KUBE-FORWARD 会丢弃这类数据包。',
  },
  'route.via-node': {
    en: "Routing on {node}: {dst} is another node's pod CIDR ({route}), so the packet is forwarded out of eth0.",
    zh: '节点 {node} 路由：{dst} 属于另一个节点的 Pod 网段（{route}），数据包从 eth0 转发出去。',
  },
  'route.on-link': {
    en: "Routing on {node}: {dst} is on the nodes' own network, reached straight through eth0 ({route}), with no gateway.",
    zh: '节点 {node} 路由：{dst} 就在节点所在的网络上，直接经 eth0 到达（{route}），不经过网关。',
  },
  'route.bridge': {
    en: "Routing on {node}: {dst} is on this node's bridge ({route}).",
    zh: '节点 {node} 路由：{dst} 在本节点的网桥上（{route}）。',
  },
  'route.bridged': {
    en: 'On {node}, the new destination {dst} sits behind the same bridge, so br_netfilter bridges the frame back instead of routing it (the TTL is not decremented); the FORWARD and POSTROUTING hooks still run.',
    zh: '在节点 {node} 上，新的目标 {dst} 就在同一个网桥后面，br_netfilter 直接在网桥上转发而不经过路由（TTL 不减）；FORWARD 和 POSTROUTING 钩子仍然会执行。',
  },
  'route.default': {
    en: 'Routing on {node}: no route is more specific for {dst}, so it takes the default route out of eth0.',
    zh: '节点 {node} 路由：{dst} 没有更具体的路由，走默认路由从 eth0 发出。',
  },
  'forward.accept': {
    en: "filter FORWARD on {node}: kube-proxy's chains let the packet through.",
    zh: '节点 {node} 的 filter FORWARD：kube-proxy 的规则放行了数据包。',
  },
  'forward.reject': {
    en: 'filter FORWARD on {node}: the Service {dst} has no ready endpoint, so KUBE-SERVICES REJECTs the packet from {src}: it goes no further, and the REJECT target answers it with ICMP port unreachable.',
    zh: '节点 {node} 的 filter FORWARD：Service {dst} 没有可用的 Pod，KUBE-SERVICES 拒绝（REJECT）了来自 {src} 的数据包：数据包到此为止，REJECT 目标用 ICMP 端口不可达作答。',
  },
  'forward.drop': {
    en: 'filter FORWARD on {node} drops the packet.',
    zh: '节点 {node} 的 filter FORWARD 丢弃了数据包。',
  },
  'postrouting.confirm': {
    en: 'nat POSTROUTING on {node}: the packet is not marked for masquerade, so KUBE-POSTROUTING returns. conntrack confirms the new entry, which `conntrack -L` now shows.',
    zh: '节点 {node} 的 nat POSTROUTING：数据包没有 MASQUERADE 标记，KUBE-POSTROUTING 直接返回。conntrack 确认了这个新连接，`conntrack -L` 现在可以看到它。',
  },
  'postrouting.confirm-dnat': {
    en: 'nat POSTROUTING on {node}: no masquerade. conntrack confirms the entry with the DNAT in its reply tuple: it remembers which pod was chosen, so later packets and the replies follow it.',
    zh: '节点 {node} 的 nat POSTROUTING：不做 MASQUERADE。iptables 使用 Linux 内核的 conntrack 记录具体选择了哪一个 Pod（写在 reply 元组中），以便后续数据包和回复都走同一个 Pod。',
  },
  'postrouting.masquerade': {
    en: 'nat POSTROUTING on {node}: the packet carries mark 0x4000, so KUBE-POSTROUTING MASQUERADEs its source to {src}, the address of {dev}. conntrack confirms the entry with both the DNAT and the SNAT.',
    zh: '节点 {node} 的 nat POSTROUTING：数据包带有 0x4000 标记，KUBE-POSTROUTING 把源地址 MASQUERADE 为 {dev} 的地址 {src}。conntrack 记录下 DNAT 和 SNAT。',
  },
  'postrouting.un-dnat': {
    en: 'POSTROUTING on {node}: conntrack rewrites the source from {was} back to the Service address {src}, so the client believes it talks to the Service only. The kernel undoes a DNAT at the source-NAT hook, POSTROUTING, from the conntrack entry, without evaluating any rule.',
    zh: '节点 {node} 的 POSTROUTING：conntrack 中记录的信息被用来修改数据包的源地址（从接收请求的 Pod 的 IP 地址 {was} 修改为 Service 的 IP 地址 {src}）。内核在源地址转换的钩子 POSTROUTING 中根据 conntrack 条目撤销 DNAT，不匹配任何规则。',
  },
  'postrouting.conntrack-snat': {
    en: "POSTROUTING on {node}: conntrack applies the connection's masquerade again: the source becomes {src}.",
    zh: '节点 {node} 的 POSTROUTING：conntrack 再次应用连接的 MASQUERADE：源地址变为 {src}。',
  },
  'postrouting.established': {
    en: 'POSTROUTING on {node}: conntrack has nothing to rewrite for this connection; the packet leaves through {dev}.',
    zh: '节点 {node} 的 POSTROUTING：conntrack 对这个连接没有需要改写的地址，数据包从 {dev} 发出。',
  },
  'bridge.forward': {
    en: "The bridge delivers the frame to port {port}, the root-namespace end of {pod}'s veth pair.",
    zh: '数据包经过网桥到达虚拟网卡 {port}（{pod} 的 veth 对在 root namespace 中的一端）。',
  },
  'bridge.hairpin': {
    en: 'Hairpin: the frame leaves through {port}, the very port it came in on. This only works because kubelet turns hairpin mode on for the bridge port.',
    zh: 'Hairpin：数据包从它进入网桥的同一个端口 {port} 发回。只有网桥端口开启了 hairpin 模式才能这样转发。',
  },
  deliver: {
    en: "Through the veth pair, the packet reaches {pod}'s eth0: {src} -> {dst}.",
    zh: '数据包经过 veth 对，最终到达 {pod} 的网卡 eth0：{src} -> {dst}。',
  },
  wire: {
    en: 'The packet leaves {from} and crosses the network to {to}: the network routes it by the pod CIDR assigned to the node.',
    zh: '数据包离开 {from}，经过网络到达 {to}：网络根据分配给节点的 Pod 网段进行路由。',
  },
  'wire.nowhere': {
    en: 'The packet leaves {from}, but the network has no route to {dst}.',
    zh: '数据包离开 {from}，但网络中没有到 {dst} 的路由。',
  },
  'arrive-node': {
    en: "The packet enters {node}'s root namespace through eth0, addressed to {dst}.",
    zh: '数据包通过 eth0 进入 {node} 的 root namespace，目标地址为 {dst}。',
  },
  'output.no-service': {
    en: 'A process on {node} sends the packet; nat OUTPUT finds no Service for {vip}.',
    zh: '节点 {node} 上的进程发出数据包；nat OUTPUT 没有找到匹配 {vip} 的 Service。',
  },
  'output.conntrack': {
    en: 'OUTPUT on {node}: conntrack knows this connection and sends it to {dst} without any nat rule.',
    zh: '节点 {node} 的 OUTPUT：conntrack 认得这个连接，不经过 nat 规则直接发往 {dst}。',
  },
  'output.reject': {
    en: 'filter OUTPUT on {node}: the Service {vip} has no ready endpoint, so KUBE-SERVICES REJECTs the packet: it never leaves the node, and the REJECT target answers it with ICMP port unreachable.',
    zh: '节点 {node} 的 filter OUTPUT：Service {vip} 没有可用的 Pod，KUBE-SERVICES 拒绝（REJECT）了数据包：数据包不会离开节点，REJECT 目标用 ICMP 端口不可达作答。',
  },
  'route.local': {
    en: 'Routing on {node}: {dst} is an address of the node itself ({route}), so the packet goes up to INPUT.',
    zh: '节点 {node} 路由：{dst} 是节点自己的地址（{route}），数据包进入 INPUT。',
  },
  'route.output-bridge': {
    en: "Routing again after the DNAT: {dst} is on {node}'s bridge ({route}).",
    zh: 'DNAT 之后重新路由：{dst} 在节点 {node} 的网桥上（{route}）。',
  },
  'route.output-via-node': {
    en: 'Routing again after the DNAT: {dst} is reached through eth0 ({route}).',
    zh: 'DNAT 之后重新路由：通过 eth0 到达 {dst}（{route}）。',
  },
  'route.output-on-link': {
    en: "Routing on {node}: {dst} is on the nodes' own network, reached straight through eth0 ({route}).",
    zh: '节点 {node} 路由：{dst} 就在节点所在的网络上，直接经 eth0 到达（{route}）。',
  },
  'route.output-default': {
    en: 'Routing on {node}: {dst} takes the default route out of eth0.',
    zh: '节点 {node} 路由：{dst} 走默认路由从 eth0 发出。',
  },
  'input.deliver': {
    en: 'filter INPUT on {node} accepts the packet and it is handed to the socket on the node.',
    zh: '节点 {node} 的 filter INPUT 放行数据包，交给节点上的套接字。',
  },
  'input.un-dnat': {
    en: 'INPUT on {node}: after filter INPUT, conntrack rewrites the source from {was} back to the Service address {src} before the socket sees it.',
    zh: '节点 {node} 的 INPUT：filter INPUT 之后，conntrack 把源地址从 {was} 改回 Service 地址 {src}，再交给套接字。',
  },
  'input.reject': {
    en: 'filter INPUT on {node} REJECTs the packet; the REJECT target answers it with ICMP port unreachable.',
    zh: '节点 {node} 的 filter INPUT 拒绝（REJECT）了数据包；REJECT 目标用 ICMP 端口不可达作答。',
  },
  'input.drop': {
    en: 'filter INPUT on {node} drops the packet.',
    zh: '节点 {node} 的 filter INPUT 丢弃了数据包。',
  },
  'route.ipvs-local': {
    en: 'Routing on {node}: in IPVS mode kube-proxy binds every ClusterIP to the dummy device kube-ipvs0, so {dst} is an address of the node itself ({route}). The packet is delivered locally, to INPUT, not forwarded.',
    zh: '节点 {node} 路由：IPVS 模式下 kube-proxy 把每个 ClusterIP 绑定到虚拟网卡 kube-ipvs0 上，所以 {dst} 是节点自己的地址（{route}）。数据包走本地投递（INPUT），而不是转发。',
  },
  'input.ipvs-filter': {
    en: "filter INPUT on {node}: kube-proxy's IPVS-mode chains let the packet through to the IPVS hook, which runs right after filter INPUT.",
    zh: '节点 {node} 的 filter INPUT：kube-proxy 在 IPVS 模式下的规则放行数据包，之后紧接着是 IPVS 的钩子。',
  },
  'ipvs.no-real-server': {
    en: 'IPVS on {node}: the virtual server {vs} has no real server (no ready endpoint), so IPVS drops the packet and answers it with ICMP port unreachable (ip_vs_leave).',
    zh: '节点 {node} 上的 IPVS：虚拟服务 {vs} 没有真实服务器（没有就绪的 Pod），IPVS 丢弃数据包，并用 ICMP 端口不可达作答（ip_vs_leave）。',
  },
  'output.ipvs-nat': {
    en: "A process on {node} itself sends the packet to {vip}. nat OUTPUT jumps to KUBE-SERVICES, where the KUBE-CLUSTER-IP ipset matches and the node's address, outside the cluster CIDR, is marked for masquerade. No DNAT here: IPVS does it next, in LOCAL_OUT.",
    zh: '节点 {node} 上的进程自己把数据包发往 {vip}。nat OUTPUT 跳转到 KUBE-SERVICES：KUBE-CLUSTER-IP ipset 匹配，节点地址不在集群 CIDR 内，被打上 MASQUERADE 标记。这里不做 DNAT：接下来由 IPVS 在 LOCAL_OUT 中完成。',
  },
  'input.ipvs-reply': {
    en: "INPUT on {node}: after filter INPUT, IPVS's out hook (LOCAL_IN, priority 98) rewrites the reply's source from {was} back to the virtual server {src} before the socket sees it.",
    zh: '节点 {node} 的 INPUT：filter INPUT 之后，IPVS 的出方向钩子（LOCAL_IN，优先级 98）把回包的源地址从 {was} 改回虚拟服务 {src}，再交给套接字。',
  },
  'output.after-ipvs': {
    en: 'IPVS sends the rewritten packet on through LOCAL_OUT: filter OUTPUT runs on it, then POSTROUTING.',
    zh: 'IPVS 把改写后的数据包经 LOCAL_OUT 继续发送：先经过 filter OUTPUT，再到 POSTROUTING。',
  },
  'forward.ipvs-reply': {
    en: "FORWARD on {node}: after filter FORWARD, IPVS's out hook (priority 100) finds the connection and rewrites the reply's source from {was} back to the virtual server {src}. conntrack does not do it in IPVS mode: IPVS does its own NAT.",
    zh: '节点 {node} 的 FORWARD：filter FORWARD 之后，IPVS 的出方向钩子（优先级 100）找到连接，把回包的源地址从 {was} 改回虚拟服务 {src}。IPVS 模式下这一步不是 conntrack 做的，而是 IPVS 自己做 NAT。',
  },
  drop: {
    en: 'The packet is dropped: {reason}.',
    zh: '数据包被丢弃：{reason}。',
  },
  ...DNAT_NARRATION,
  ...REFUSAL_NARRATION,
  ...OUTSIDE_NARRATION,
  ...ARTICLE_NARRATION,
};

/** How each language writes a list: English with commas, Chinese with the enumeration comma 、. */
const LIST_SEPARATOR: Readonly<Record<Lang, string>> = { en: ', ', zh: '、' };

/** A parameter as text: a list joined the language's way ("∅" when empty). */
function paramText(value: Note['params'][string], lang: Lang): string {
  if (typeof value !== 'object') return String(value);
  return value.length > 0 ? value.join(LIST_SEPARATOR[lang]) : '∅';
}

/**
 * The note's sentence in the given language, with its parameters filled in.
 * Unknown ids fall back to the id itself so nothing is silently lost.
 */
export function narrate(note: Note, lang: Lang): string {
  // nftables mode's sentences, and IPVS mode's for clients outside the cluster, come with their
  // engines: only a trace in that mode has their notes. Control-plane steps' come with the cluster
  // events' engine, which a trace with such steps was simulated with (clusterEvents throws without it).
  const own = isControlPlaneNote(note.id) ? clusterEvents().narration[note.id] : NARRATION[note.id];
  const template = (own ??
    (hasModeEngine('nftables') ? modeEngine('nftables').narration[note.id] : undefined) ??
    (hasModeEngine('ipvs') ? modeEngine('ipvs').narration[note.id] : undefined))?.[lang];
  if (template === undefined) return note.id;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(note.params, key) ? paramText(note.params[key]!, lang) : whole,
  );
}
