type Text = { readonly en: string; readonly zh: string };

/**
 * The DNAT of a connection's first packet, told from what decided it
 * (`dnatNote` in src/dataplane/dnat-note.ts): a sentence on where the packet
 * enters kube-proxy's chains, one on the match in the KUBE-SVC chain that
 * chose the endpoint, one on the KUBE-SEP chain's DNAT.
 */
const HEAD: Readonly<Record<'prerouting.dnat' | 'output.dnat', Text>> = {
  'prerouting.dnat': {
    en: 'nat PREROUTING on {node}: KUBE-SERVICES matches the Service {vip} and jumps to {svcChain}. ',
    zh: 'iptables 使用 kube-proxy 在节点 {node} 上创建的规则重写数据包的目标地址：nat PREROUTING 中 KUBE-SERVICES 匹配 Service 地址 {vip}，跳转到 {svcChain}。',
  },
  'output.dnat': {
    en: "A process on {node} itself sends the packet. nat OUTPUT jumps to KUBE-SERVICES just as PREROUTING does for pods: it matches the Service address {vip} and jumps to {svcChain}, which marks the packet for masquerade (its source, the node's address, is outside the cluster CIDR). ",
    zh: '节点 {node} 上的进程自己发出数据包。nat OUTPUT 同样跳转到 KUBE-SERVICES：匹配 Service 地址 {vip}，跳转到 {svcChain}；源地址是节点地址，不在集群 CIDR 内，所以 {svcChain} 给它打上 MASQUERADE 标记。',
  },
};

const TAIL: Text = {
  en: '{sepChain} DNATs the destination to {endpoint} ({pod}).',
  zh: '{sepChain} 把目标地址 DNAT 为 {endpoint}（{pod}）。',
};

/** Which match decided, and what it means for the endpoints' shares. */
const CHOICE: Readonly<Record<'statistic' | 'statistic-later' | 'affinity' | 'last' | 'only', Text>> = {
  statistic: {
    en: 'There -m statistic --mode random --probability {probability} matched: the random draw fell under it. Each rule has 1/(endpoints not yet passed), so each of the {endpoints} endpoints gets {share} of new connections. ',
    zh: '其中 -m statistic --mode random --probability {probability} 匹配：随机数小于这个概率。每条规则的概率是 1/（尚未经过的端点数），所以 {endpoints} 个端点各得到 {share} 的新连接。',
  },
  'statistic-later': {
    en: 'There the statistic rules before this one missed, and -m statistic --mode random --probability {probability} matched: the random draw fell under it. Each rule has 1/(endpoints not yet passed), so each of the {endpoints} endpoints gets {share} of new connections. ',
    zh: '其中排在前面的 statistic 规则都没有匹配，而 -m statistic --mode random --probability {probability} 这一条匹配了：随机数小于这个概率。每条规则的概率是 1/（尚未经过的端点数），所以 {endpoints} 个端点各得到 {share} 的新连接。',
  },
  affinity: {
    en: 'There the session-affinity rule -m recent --rcheck --seconds {seconds} --name {sepChain} matched: {client} was sent to this endpoint {ago} s ago, {left} s before its window closes, so no statistic rule is reached. ',
    zh: '其中会话保持规则 -m recent --rcheck --seconds {seconds} --name {sepChain} 匹配：{client} 在 {ago} 秒前被发往这个端点，窗口还剩 {left} 秒，所以不会走到 statistic 规则。',
  },
  last: {
    en: 'Its statistic rules all missed, so the last rule, which has none, jumps to {sepChain}: of {endpoints} endpoints, this one still gets {share} of new connections. ',
    zh: '链中的 statistic 规则都没有匹配，所以不带 statistic 的最后一条规则跳转到 {sepChain}：{endpoints} 个端点中，它同样得到 {share} 的新连接。',
  },
  only: {
    en: "The Service has a single endpoint: the chain's one rule jumps to {sepChain} with no statistic match. ",
    zh: '这个 Service 只有一个端点：链中唯一的规则不带 statistic 匹配，直接跳转到 {sepChain}。',
  },
};

/** A Service with session affinity whose client has no live record yet: the recent checks all missed. */
const NO_AFFINITY_YET: Text = {
  en: 'No session-affinity record for {client} is live (every -m recent --rcheck rule missed), so the rules below choose. ',
  zh: '会话保持记录中还没有 {client} 的有效记录（所有 -m recent --rcheck 规则都没有匹配），所以由后面的规则选择。',
};

const AFTER_AFFINITY: Text = {
  en: ' Its -m recent --set restarts the {seconds} s window.',
  zh: '它的 -m recent --set 让 {seconds} 秒的窗口重新开始。',
};

const AFFINITY_STARTS: Text = {
  en: ' Its -m recent --set records {client}: for {seconds} s its new connections come back to this endpoint.',
  zh: '它的 -m recent --set 记录下 {client}：{seconds} 秒内它的新连接都会回到这个端点。',
};

/** A DNAT no KUBE-SVC chain chose (rules written by hand). */
const BY_RULE: Text = {
  en: 'A nat rule on {node} DNATs the destination {vip} to {endpoint} ({pod}).',
  zh: '节点 {node} 上的一条 nat 规则把目标地址 {vip} DNAT 为 {endpoint}（{pod}）。',
};

function dnatNarration(): Record<string, Text> {
  const out: Record<string, Text> = {};
  for (const [prefix, head] of Object.entries(HEAD)) {
    for (const [kind, choice] of Object.entries(CHOICE)) {
      const after = kind === 'affinity' ? AFTER_AFFINITY : { en: '', zh: '' };
      out[`${prefix}.${kind}`] = {
        en: head.en + choice.en + TAIL.en + after.en,
        zh: head.zh + choice.zh + TAIL.zh + after.zh,
      };
      if (kind === 'affinity') continue;
      out[`${prefix}.${kind}.no-affinity-yet`] = {
        en: head.en + NO_AFFINITY_YET.en + choice.en + TAIL.en + AFFINITY_STARTS.en,
        zh: head.zh + NO_AFFINITY_YET.zh + choice.zh + TAIL.zh + AFFINITY_STARTS.zh,
      };
    }
    out[`${prefix}.rule`] = BY_RULE;
  }
  return out;
}

/**
 * IPVS's choice of a real server for a connection's first packet
 * (`ipvsChoiceNote` in src/dataplane/ipvs-choice.ts): the scheduler and why,
 * or the persistence template of sessionAffinity: ClientIP.
 */
const IPVS_HEAD: Text = {
  en: 'IPVS on {node} ({ipvsHook}, priority {priority}): this packet opens a new connection to the virtual server {vs}, so the {scheduler} scheduler picks the real server {rs} ({pod})',
  zh: '节点 {node} 上的 IPVS（{ipvsHook}，优先级 {priority}）：这个数据包开启了到虚拟服务 {vs} 的新连接，于是 {scheduler} 调度器选择真实服务器 {rs}（{pod}）',
};
const IPVS_TAIL: Text = {
  en: ' IPVS rewrites the destination to it (Masq). This is where iptables mode would have DNATed, in nat {natHook}.',
  zh: 'IPVS 把目标地址改写为它（Masq）。iptables 模式下这一步是 nat {natHook} 中的 DNAT。',
};
const IPVS_REASON: Readonly<Record<string, Text>> = {
  'rr-first': {
    en: ': round robin starts at the head of the list, and this is the first connection it schedules.',
    zh: '：轮询从列表开头开始，这是它调度的第一个连接。',
  },
  rr: {
    en: ': round robin takes the next real server in turn after {previous}, the last one it picked.',
    zh: '：轮询选择上一次选中的 {previous} 之后的下一个真实服务器。',
  },
  wrr: {
    en: ': weighted round robin takes the next real server in turn whose weight is at least the current one (weights: {weights}).',
    zh: '：加权轮询选择下一个权重不低于当前值的真实服务器（权重：{weights}）。',
  },
  least: {
    en: ': it has the fewest connections (per unit of weight for wlc, sed and nq; the first in list order on a tie). ActiveConn/InActConn: {loads}; an active connection counts 256 times an inactive one.',
    zh: '：它的连接数最少（wlc、sed、nq 按权重折算；相同时取列表中靠前的）。ActiveConn/InActConn：{loads}；一个活动连接按 256 个非活动连接计。',
  },
  sh: {
    en: ': source hashing puts the client address {client} in bucket {bucket} of 256, and that bucket holds {rs}. The same client always lands there.',
    zh: '：源地址哈希把客户端地址 {client} 放进 256 个桶中的第 {bucket} 个，这个桶对应 {rs}。同一个客户端总会落到这里。',
  },
  dh: {
    en: ': destination hashing puts the address in bucket {bucket} of 256, and that bucket holds {rs}.',
    zh: '：目标地址哈希把地址放进 256 个桶中的第 {bucket} 个，这个桶对应 {rs}。',
  },
};
const IPVS_TEMPLATE: Text = {
  en: ' The virtual server is persistent (sessionAffinity: ClientIP), so IPVS also creates a template tying {client} to {rs} for {timeout} s.',
  zh: '虚拟服务开启了持久连接（sessionAffinity: ClientIP），IPVS 同时创建一个模板，在 {timeout} 秒内把 {client} 绑定到 {rs}。',
};

function ipvsNarration(): Record<string, Text> {
  const out: Record<string, Text> = {};
  for (const [reason, text] of Object.entries(IPVS_REASON)) {
    for (const template of [false, true]) {
      const extra = template ? IPVS_TEMPLATE : { en: '', zh: '' };
      out[`ipvs.scheduled.${reason}${template ? '.template' : ''}`] = {
        en: IPVS_HEAD.en + text.en + IPVS_TAIL.en + extra.en,
        zh: IPVS_HEAD.zh + text.zh + IPVS_TAIL.zh + extra.zh,
      };
    }
  }
  return out;
}

/** Every DNAT and IPVS-choice note id with its English and Chinese text. */
export const DNAT_NARRATION: Readonly<Record<string, Text>> = {
  ...dnatNarration(),
  ...ipvsNarration(),
  'ipvs.persistent': {
    en: 'IPVS on {node} ({ipvsHook}, priority {priority}): the virtual server {vs} is persistent (sessionAffinity: ClientIP), and a template already ties {client} to {rs} ({pod}), with {left} s of its {timeout} s left. So the scheduler is not asked: the destination becomes {rs}, and the template starts its {timeout} s again.',
    zh: '节点 {node} 上的 IPVS（{ipvsHook}，优先级 {priority}）：虚拟服务 {vs} 开启了持久连接（sessionAffinity: ClientIP），已有模板把 {client} 绑定到 {rs}（{pod}），{timeout} 秒中还剩 {left} 秒。所以不经过调度器：目标地址改为 {rs}，模板重新计时 {timeout} 秒。',
  },
  'ipvs.existing': {
    en: 'IPVS on {node}: this packet belongs to a known IPVS connection to {rs} ({pod}); the destination is rewritten to it again.',
    zh: '节点 {node} 上的 IPVS：这个数据包属于已有的 IPVS 连接，目标地址再次改写为 {rs}（{pod}）。',
  },
};
