type Text = { readonly en: string; readonly zh: string };

/**
 * A refused packet's answer (src/dataplane/icmp-error.ts): the ICMP port
 * unreachable the refusing node sends back, its way to the sender, and what the
 * sender's socket makes of it. `{by}` is REJECT or IPVS; `{quoted}` the refused
 * packet ("10.244.1.2:50637 -> 10.96.0.10:80 TCP").
 */
const ERROR_BODY: Text = {
  en: ' The node generates this packet itself, so it starts at OUTPUT: conntrack ties it to the refused connection (RELATED, not NEW), and filter OUTPUT lets it through.',
  zh: '这个数据包由节点自己生成，所以从 OUTPUT 开始：conntrack 把它关联到被拒绝的连接（RELATED，而不是 NEW），filter OUTPUT 放行。',
};

const ERROR_NARRATION: Readonly<Record<string, Text>> = {
  'icmp-error.routed': {
    en:
      "{node} answers the packet it refused ({by}) with an ICMP error back to {dst}: type 3, code 3 (port unreachable), quoting the refused packet ({quoted}). Its source is {src}, {node}'s address on the route back to {dst} ({route}): the refused packet was not addressed to the node itself." +
      ERROR_BODY.en,
    zh:
      '{node} 用一个 ICMP 错误回应它拒绝（{by}）的数据包，发回 {dst}：类型 3、代码 3（端口不可达），其中引用了被拒绝的数据包（{quoted}）。源地址是 {src}，即 {node} 在返回 {dst} 的路由（{route}）上的地址：被拒绝的数据包并不是发给节点自己的。' +
      ERROR_BODY.zh,
  },
  'icmp-error.local-dst': {
    en:
      "{node} answers the packet it refused ({by}) with an ICMP error back to {dst}: type 3, code 3 (port unreachable), quoting the refused packet ({quoted}). The refused packet was addressed to the node itself ({src} is one of its addresses), so that address, {src}, is the error's source." +
      ERROR_BODY.en,
    zh:
      '{node} 用一个 ICMP 错误回应它拒绝（{by}）的数据包，发回 {dst}：类型 3、代码 3（端口不可达），其中引用了被拒绝的数据包（{quoted}）。被拒绝的数据包发往节点自己的地址（{src} 是节点的地址之一），所以错误的源地址就是 {src}。' +
      ERROR_BODY.zh,
  },
  'route.icmp-bridge': {
    en: "Routing on {node}: {dst} is on this node's bridge ({route}), so the error leaves through cbr0.",
    zh: '节点 {node} 路由：{dst} 在本节点的网桥上（{route}），错误从 cbr0 发出。',
  },
  'postrouting.icmp': {
    en: "POSTROUTING on {node}: the nat table only sees a connection's first packet, and this error belongs to the refused connection: no rule runs and nothing is rewritten. conntrack confirms no entry either: the refused connection's entry was never confirmed, so `conntrack -L` shows none for it.",
    zh: '节点 {node} 的 POSTROUTING：nat 表只处理连接的第一个数据包，而这个错误属于被拒绝的连接：不执行任何规则，也不改写地址。conntrack 也不确认任何条目：被拒绝的连接的条目从未被确认，所以 `conntrack -L` 中没有它。',
  },
};

/** The error's arrival: at a pod's eth0 through its veth, or back at the node itself over lo. */
const ARRIVAL: Readonly<Record<'' | '.local', Text>> = {
  '': {
    en: "Through the veth pair, the ICMP error from {src} reaches {pod}'s eth0. ",
    zh: 'ICMP 错误（来自 {src}）经过 veth 对到达 {pod} 的网卡 eth0。',
  },
  '.local': {
    en: 'The error is addressed to {node} itself: it comes back in over lo (POSTROUTING, then PREROUTING), and filter INPUT lets it through as RELATED. ',
    zh: '错误发往 {node} 自己：经 lo 回到本机（POSTROUTING，然后 PREROUTING），filter INPUT 把它作为 RELATED 放行。',
  },
};

/** What the sender's kernel makes of a port unreachable, by the refused packet's protocol. */
const SOCKET: Readonly<Record<'tcp' | 'udp' | 'sctp', Text>> = {
  tcp: {
    en: 'In {client}, the kernel finds the socket that sent {quoted} (tcp_v4_err): a port unreachable for a connection still in SYN_SENT ends it, so connect() fails at once with ECONNREFUSED ("Connection refused"), and no SYN is retried. No conntrack entry is left on {node}.',
    zh: '在 {client} 中，内核找到发出 {quoted} 的套接字（tcp_v4_err）：对仍处于 SYN_SENT 的连接，端口不可达会直接结束它，connect() 立即返回 ECONNREFUSED（“Connection refused”），不再重发 SYN。{node} 上没有留下 conntrack 条目。',
  },
  udp: {
    en: 'In {client}, the kernel finds the UDP socket that sent {quoted} (__udp4_lib_err): a connected socket keeps the error, and its next send() or recv() fails with ECONNREFUSED; an unconnected one sees it only with IP_RECVERR. No conntrack entry is left on {node}.',
    zh: '在 {client} 中，内核找到发出 {quoted} 的 UDP 套接字（__udp4_lib_err）：已连接的套接字记下这个错误，下一次 send() 或 recv() 返回 ECONNREFUSED；未连接的套接字只有开启 IP_RECVERR 才能看到。{node} 上没有留下 conntrack 条目。',
  },
  sctp: {
    en: 'In {client}, the kernel finds the SCTP association that sent {quoted} (sctp_v4_err): it records ECONNREFUSED as a soft error, and the association keeps retrying its INIT until it gives up. No conntrack entry is left on {node}.',
    zh: '在 {client} 中，内核找到发出 {quoted} 的 SCTP 关联（sctp_v4_err）：它把 ECONNREFUSED 记为软错误，关联继续重发 INIT，直到放弃。{node} 上没有留下 conntrack 条目。',
  },
};

function socketNarration(): Record<string, Text> {
  const out: Record<string, Text> = {};
  for (const [where, arrival] of Object.entries(ARRIVAL)) {
    for (const [protocol, socket] of Object.entries(SOCKET)) {
      out[`socket-error.${protocol}${where}`] = { en: arrival.en + socket.en, zh: arrival.zh + socket.zh };
    }
  }
  return out;
}

/** Every note id of a refused packet's answer, with its English and Chinese text. */
export const REFUSAL_NARRATION: Readonly<Record<string, Text>> = { ...ERROR_NARRATION, ...socketNarration() };
