type Text = { readonly en: string; readonly zh: string };

/*
 * nftables mode's notes (src/dataplane/nft-notes.ts picks them from what the rules of
 * `table ip kube-proxy` did): the parameters carry the map keys and elements, numgen's
 * draw and the rules as nft prints them.
 */

/** Where the packet enters kube-proxy's table and what the service-ips map answered. */
const DNAT_HEAD: Readonly<Record<'prerouting' | 'output', Text>> = {
  prerouting: {
    en: 'nat-prerouting on {node} (priority dstnat) jumps to services, where one lookup in the verdict map service-ips finds {key} and answers goto {svcChain}: no walk through every Service. ',
    zh: '节点 {node} 的 nat-prerouting（优先级 dstnat）跳转到 services 链，在 verdict map service-ips 中只查一次就找到 {key}，得到 goto {svcChain}：不用逐条匹配每个 Service。',
  },
  output: {
    en: "A process on {node} itself sends the packet. nat-output (priority -100) jumps to services just as nat-prerouting does for pods: the verdict map service-ips finds {key} and answers goto {svcChain}, which marks the packet for masquerade (its source, the node's address, is outside the cluster CIDR). ",
    zh: '节点 {node} 上的进程自己发出数据包。nat-output（优先级 -100）同样跳转到 services 链：verdict map service-ips 找到 {key}，得到 goto {svcChain}；源地址是节点地址，不在集群 CIDR 内，所以这条链给它打上 masquerade 标记。',
  },
};

const DNAT_CHOICE: Readonly<Record<string, Text>> = {
  numgen: {
    en: 'There numgen random mod {mod} drew {value}, and the inline vmap sends {value} to {epChain}: each of the {mod} endpoints gets one number, so each gets 1/{mod} of new connections. ',
    zh: '其中 numgen random mod {mod} 抽到 {value}，内联 vmap 把 {value} 映射到 {epChain}：{mod} 个端点各占一个数，各得到 1/{mod} 的新连接。',
  },
  only: {
    en: 'The Service has one endpoint: numgen random mod 1 can only draw 0, which the vmap sends to {epChain}. ',
    zh: '这个 Service 只有一个端点：numgen random mod 1 只能抽到 0，vmap 把它映射到 {epChain}。',
  },
  affinity: {
    en: 'There {client} is an element of the session-affinity set {set} (its timeout not yet run out), so the rule ip saddr @{set} sends it straight to {epChain}, before numgen is reached. ',
    zh: '其中 {client} 在会话保持集合 {set} 中（超时还没到），所以规则 ip saddr @{set} 直接把它送到 {epChain}，不会走到 numgen。',
  },
  'numgen.affinity-start': {
    en: 'There {client} is in no session-affinity set yet, so numgen random mod {mod} drew {value}, and the inline vmap sends {value} to {epChain}, which adds {client} to {set}: its next connections come back to this endpoint. ',
    zh: '其中 {client} 还不在任何会话保持集合中，所以 numgen random mod {mod} 抽到 {value}，内联 vmap 把 {value} 映射到 {epChain}；这条链把 {client} 加入 {set}，之后它的新连接都会回到这个端点。',
  },
  'only.affinity-start': {
    en: 'The Service has one endpoint: numgen random mod 1 draws 0, which the vmap sends to {epChain}, which adds {client} to the session-affinity set {set}. ',
    zh: '这个 Service 只有一个端点：numgen random mod 1 抽到 0，vmap 把它映射到 {epChain}，这条链把 {client} 加入会话保持集合 {set}。',
  },
};

const DNAT_TAIL: Text = {
  en: 'Its rule {dnatRule} rewrites the destination to {endpoint} ({pod}).',
  zh: '它的规则 {dnatRule} 把目标地址改写为 {endpoint}（{pod}）。',
};

function dnatNarration(): Record<string, Text> {
  const out: Record<string, Text> = {};
  for (const [prefix, head] of Object.entries(DNAT_HEAD)) {
    for (const [how, choice] of Object.entries(DNAT_CHOICE)) {
      out[`${prefix}.nft-dnat.${how}`] = { en: head.en + choice.en + DNAT_TAIL.en, zh: head.zh + choice.zh + DNAT_TAIL.zh };
    }
    out[`${prefix}.nft-dnat.rule`] = {
      en: `${prefix === 'prerouting' ? 'nat-prerouting' : 'nat-output'} on {node}: the rule {dnatRule} in {epChain} rewrites the destination of {vip} to {endpoint} ({pod}).`,
      zh: `节点 {node} 的 ${prefix === 'prerouting' ? 'nat-prerouting' : 'nat-output'}：{epChain} 中的规则 {dnatRule} 把 {vip} 的目标地址改写为 {endpoint}（{pod}）。`,
    };
  }
  return out;
}

/** A later packet: the filter chain before dstnat runs on every packet, its `ct state new` rule does not match. */
const TRACKED: Readonly<Record<string, Text>> = {
  'prerouting.conntrack.nft': {
    en: "PREROUTING on {node}: conntrack finds the connection ({direction} direction, {from} -> {to}). kube-proxy's {chain} runs on every packet, but its rule {rule} only acts on new connections; nat-prerouting, a nat chain, runs only for a connection's first packet, so service-ips is not looked up again.",
    zh: '节点 {node} 的 PREROUTING：conntrack 找到了这个连接（{direction} 方向，{from} -> {to}）。kube-proxy 的 {chain} 对每个数据包都运行，但它的规则 {rule} 只处理新连接；nat-prerouting 是 nat 类型的链，只处理连接的第一个数据包，所以不再查 service-ips。',
  },
  'prerouting.conntrack-stateless.nft': {
    en: "PREROUTING on {node}: conntrack finds the connection ({direction} direction). kube-proxy's {chain} runs on every packet, but its rule {rule} only acts on new connections; nat-prerouting runs only for a connection's first packet, so service-ips is not looked up again.",
    zh: '节点 {node} 的 PREROUTING：conntrack 找到了这个连接（{direction} 方向）。kube-proxy 的 {chain} 对每个数据包都运行，但它的规则 {rule} 只处理新连接；nat-prerouting 只处理连接的第一个数据包，所以不再查 service-ips。',
  },
  'prerouting.conntrack-dnat.nft': {
    en: "PREROUTING on {node}: {chain}'s rule {rule} does not match a known connection, and nat-prerouting is skipped: conntrack remembers the endpoint numgen chose for this connection and rewrites the destination to {dst} itself.",
    zh: '节点 {node} 的 PREROUTING：{chain} 的规则 {rule} 不匹配已知连接，nat-prerouting 也被跳过：conntrack 记录了 numgen 为这个连接选择的端点，直接把目标地址改为 {dst}。',
  },
  'prerouting.un-snat.nft': {
    en: "PREROUTING on {node}: this reply is addressed to the masquerade address; {chain}'s rule {rule} does not match it, and conntrack rewrites the destination back to {dst}, the original client.",
    zh: '节点 {node} 的 PREROUTING：这个回包的目标是 masquerade 地址；{chain} 的规则 {rule} 不匹配它，conntrack 把目标地址改回原来的客户端 {dst}。',
  },
  'prerouting.invalid.nft': {
    en: "PREROUTING on {node}: conntrack finds the connection but the packet does not fit its state: it is INVALID. kube-proxy's nftables rules do not drop it ({chain}'s rule {rule} does not match).",
    zh: '节点 {node} 的 PREROUTING：conntrack 找到了连接，但数据包与连接状态不符：它是 INVALID。kube-proxy 的 nftables 规则不丢弃它（{chain} 的规则 {rule} 不匹配）。',
  },
  'output.conntrack.nft': {
    en: "OUTPUT on {node}: conntrack knows this connection and sends it to {dst}; {chain}'s rule {rule} only acts on new connections and nat-output is skipped.",
    zh: '节点 {node} 的 OUTPUT：conntrack 知道这个连接，把它发往 {dst}；{chain} 的规则 {rule} 只处理新连接，nat-output 被跳过。',
  },
};

const NO_SERVICE: Readonly<Record<string, Text>> = {
  'prerouting.nft-external-returns.local': {
    en: 'nat-prerouting on {node}: services finds {key} in the map {map} and goes to {chain}, and no rule there matches: under externalTrafficPolicy Local kube-proxy ends this chain with the way to the endpoints only on a node that has one of them, and {node} has none. No DNAT, so the destination is left alone; conntrack starts tracking the packet as a new connection.',
    zh: '节点 {node} 的 nat-prerouting：services 链在 map {map} 中找到 {key}，转到 {chain}，但那里没有规则匹配：externalTrafficPolicy 为 Local 时，kube-proxy 只在有本地端点的节点上给这条链写上通往端点的规则，而 {node} 上没有。没有 DNAT，目标地址不变；conntrack 把它作为新连接开始跟踪。',
  },
  'prerouting.nft-external-returns': {
    en: 'nat-prerouting on {node}: services finds {key} in the map {map} and goes to {chain}, and no rule there matches. No DNAT, so the destination is left alone; conntrack starts tracking the packet as a new connection.',
    zh: '节点 {node} 的 nat-prerouting：services 链在 map {map} 中找到 {key}，转到 {chain}，但那里没有规则匹配。没有 DNAT，目标地址不变；conntrack 把它作为新连接开始跟踪。',
  },
  'prerouting.nft-no-service': {
    en: 'nat-prerouting on {node}: services looks {key} up in the verdict map service-ips and finds no element: it is no Service, so the destination is left alone. conntrack starts tracking the packet as a new connection.',
    zh: '节点 {node} 的 nat-prerouting：services 链在 verdict map service-ips 中查找 {key}，没有这个元素：它不是 Service，目标地址不变。conntrack 把它作为新连接开始跟踪。',
  },
  'prerouting.nft-no-service.no-endpoints': {
    en: 'nat-prerouting on {node}: services looks {key} up in the verdict map service-ips and finds no element: the Service has no ready endpoint, and kube-proxy keeps such a Service out of service-ips (it lists it in no-endpoint-services, which the filter chains check next). No DNAT; conntrack starts tracking the packet as a new connection.',
    zh: '节点 {node} 的 nat-prerouting：services 链在 verdict map service-ips 中查找 {key}，没有这个元素：这个 Service 没有就绪的端点，kube-proxy 不把它放进 service-ips（而是放进 no-endpoint-services，接下来由 filter 链检查）。不做 DNAT；conntrack 把它作为新连接开始跟踪。',
  },
  'output.nft-no-service.no-endpoints': {
    en: 'A process on {node} sends the packet; nat-output looks {key} up in service-ips and finds no element: the Service has no ready endpoint, so kube-proxy lists it in no-endpoint-services instead, which filter-output checks next.',
    zh: '节点 {node} 上的进程发出数据包；nat-output 在 service-ips 中查找 {key}，没有这个元素：这个 Service 没有就绪的端点，所以 kube-proxy 把它放在 no-endpoint-services 中，接下来由 filter-output 检查。',
  },
  'output.nft-no-service': {
    en: 'A process on {node} sends the packet; nat-output looks {key} up in service-ips and finds no element: no Service, no DNAT.',
    zh: '节点 {node} 上的进程发出数据包；nat-output 在 service-ips 中查找 {key}，没有这个元素：不是 Service，不做 DNAT。',
  },
};

/** The filter chains' verdicts, for each hook's chain ({chain}: filter-prerouting-pre-dnat, filter-forward, filter-input, filter-output). */
const FILTER: Readonly<Record<string, Text>> = {
  'nft-reject.no-endpoints': {
    en: '{chain} on {node}: for a new connection it jumps to service-endpoints-check, where the verdict map no-endpoint-services holds {key}: the Service has no ready endpoint, so the element sends the packet to reject-chain, whose reject answers it with ICMP port unreachable.',
    zh: '节点 {node} 的 {chain}：新连接跳转到 service-endpoints-check，verdict map no-endpoint-services 中有 {key}：这个 Service 没有就绪的端点，于是该元素把数据包送到 reject-chain，reject 用 ICMP 端口不可达回应它。',
  },
  'nft-reject.cluster-ip': {
    en: '{chain} on {node}: cluster-ips-check finds the destination in the set cluster-ips, but no Service port matched it: {rule} refuses the packet with ICMP port unreachable.',
    zh: '节点 {node} 的 {chain}：cluster-ips-check 在集合 cluster-ips 中找到目标地址，但没有 Service 端口与它匹配：{rule} 用 ICMP 端口不可达拒绝数据包。',
  },
  'nft-drop.cluster-ip': {
    en: '{chain} on {node}: cluster-ips-check drops the packet ({rule}): its destination is in the Service CIDR, but no Service has that address.',
    zh: '节点 {node} 的 {chain}：cluster-ips-check 丢弃数据包（{rule}）：目标地址在 Service 网段内，但没有 Service 使用这个地址。',
  },
  'nft-drop.firewall': {
    en: '{chain} on {node}: for a new connection it jumps to firewall-check, where the verdict map firewall-ips holds {key}: the Service has loadBalancerSourceRanges, so the element sends the packet to {decidedChain}, whose rule {rule} drops a source outside those ranges.',
    zh: '节点 {node} 的 {chain}：新连接跳转到 firewall-check，verdict map firewall-ips 中有 {key}：这个 Service 设置了 loadBalancerSourceRanges，于是该元素把数据包送到 {decidedChain}，其中的规则 {rule} 丢弃来源不在这些范围内的数据包。',
  },
  'nft-reject': {
    en: '{chain} on {node}: the rule {rule} in {decidedChain} rejects the packet with ICMP port unreachable.',
    zh: '节点 {node} 的 {chain}：{decidedChain} 中的规则 {rule} 用 ICMP 端口不可达拒绝数据包。',
  },
  'nft-drop': {
    en: '{chain} on {node}: the rule {rule} in {decidedChain} drops the packet.',
    zh: '节点 {node} 的 {chain}：{decidedChain} 中的规则 {rule} 丢弃数据包。',
  },
  'nft-accept': {
    en: "{chain} on {node}: the new connection is checked against kube-proxy's maps and sets, and nothing holds it ({misses}), so the chain's policy accepts it.",
    zh: '节点 {node} 的 {chain}：新连接经过 kube-proxy 的 map 和集合检查，没有一个包含它（{misses}），于是链的默认策略放行。',
  },
  'nft-accept.tracked': {
    en: '{chain} on {node}: its rules ({rule} and the like) only look at new connections, so this packet of a known one passes.',
    zh: '节点 {node} 的 {chain}：它的规则（{rule} 等）只检查新连接，已知连接的这个数据包直接通过。',
  },
};

const POSTROUTING: Readonly<Record<string, Text>> = {
  'postrouting.nft-masquerade': {
    en: 'nat-postrouting on {node} (priority srcnat) jumps to masquerading: the packet carries the mark 0x4000 mark-for-masquerade set, so masquerading clears it and {rule} rewrites the source to {src}, the address of {dev}, with a random port. conntrack confirms the entry with both the DNAT and the SNAT.',
    zh: '节点 {node} 的 nat-postrouting（优先级 srcnat）跳转到 masquerading：数据包带着 mark-for-masquerade 打上的标记 0x4000，于是 masquerading 清除标记，{rule} 把源地址改为 {dev} 的地址 {src}，端口随机。conntrack 确认同时带有 DNAT 和 SNAT 的条目。',
  },
  'postrouting.nft-confirm': {
    en: 'nat-postrouting on {node} jumps to masquerading, whose first rule {markRule} returns: the packet is not marked for masquerade. conntrack confirms the new entry, which `conntrack -L` now shows.',
    zh: '节点 {node} 的 nat-postrouting 跳转到 masquerading，第一条规则 {markRule} 直接返回：数据包没有 masquerade 标记。conntrack 确认新条目，`conntrack -L` 现在能看到它。',
  },
  'postrouting.nft-confirm-dnat': {
    en: 'nat-postrouting on {node} jumps to masquerading, whose first rule {markRule} returns: no masquerade. conntrack confirms the entry with the DNAT in its reply tuple, the same entry iptables mode makes: conntrack does not care which rules chose the endpoint.',
    zh: '节点 {node} 的 nat-postrouting 跳转到 masquerading，第一条规则 {markRule} 直接返回：不做 masquerade。conntrack 确认回复方向带有 DNAT 的条目，与 iptables 模式下的条目完全相同：conntrack 不关心是哪种规则选了端点。',
  },
};

function filterNarration(): Record<string, Text> {
  const out: Record<string, Text> = {};
  for (const hook of ['prerouting', 'forward', 'input', 'output']) {
    for (const [suffix, text] of Object.entries(FILTER)) out[`${hook}.${suffix}`] = text;
  }
  return out;
}

/** Every nftables-mode packet note id with its English and Chinese text. */
export const NFTABLES_NARRATION: Readonly<Record<string, Text>> = {
  ...dnatNarration(),
  ...TRACKED,
  ...NO_SERVICE,
  ...filterNarration(),
  ...POSTROUTING,
};
