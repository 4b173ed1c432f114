import type { IpvsScheduler, LbLabDeterminism } from '../../src/index';
import type { Lang } from './lang';

/** One endpoint rule of the Service chain, as the explanation tells it. */
export interface LabRuleLine {
  readonly endpoint: string;
  readonly pod: string;
  readonly probability: string | null;
  /** Percentages, formatted. */
  readonly reach: string;
  readonly share: string;
  readonly p: string;
  readonly first: boolean;
}

/** The load-balancing lab's labels and explanations, in both languages. */
export interface LabStrings {
  readonly title: string;
  readonly intro: string;
  readonly servicePort: string;
  readonly clients: string;
  readonly connections: string;
  readonly connectionsHint: (min: number, max: number) => string;
  readonly connectionsInvalid: (min: number, max: number) => string;
  readonly clusterAt: string;
  readonly atStart: string;
  readonly afterEvent: (at: number, what: string) => string;
  readonly noClient: string;
  readonly run: string;
  readonly running: string;
  readonly ranIn: (ms: number, worker: boolean) => string;
  readonly setup: (mode: string, scheduler: string | null, seed: number) => string;
  readonly open: (n: number, seconds: string) => string;
  readonly histogram: (n: number, service: string) => string;
  readonly bar: (endpoint: string, pod: string, count: number, expected: string) => string;
  readonly expectedMark: string;
  readonly endpoint: string;
  readonly pod: string;
  readonly count: string;
  readonly share: string;
  readonly expected: string;
  readonly unanswered: (n: number) => string;
  readonly chiSquare: (statistic: string, df: number) => string;
  /** Ends with its colon; `pValueMeaning` follows it (with its own leading space where the language has one). */
  readonly pValue: (p: string) => string;
  readonly pValueMeaning: string;
  readonly notRandom: Readonly<Record<Exclude<LbLabDeterminism, 'random'>, string>>;
  readonly whyTitle: string;
  readonly chainIntro: (chain: string, n: number) => string;
  readonly ruleLine: (r: LabRuleLine) => string;
  /** The chain's probabilities in order, null for the last rule's (none). */
  readonly chainSummary: (probabilities: readonly (string | null)[], n: number) => string;
  readonly affinity: (seconds: number) => string;
  readonly scheduler: (scheduler: IpvsScheduler, vs: string) => string;
  readonly weights: (list: string) => string;
  readonly persistence: (seconds: number) => string;
  /** nftables mode: the Service chain's `numgen random mod N vmap`. */
  readonly numgenIntro: (chain: string, mod: number) => string;
  readonly numgenLine: (value: number, pod: string, endpoint: string, share: string) => string;
  readonly numgenAffinity: (seconds: number) => string;
  readonly noRules: string;
  readonly failed: (why: string) => string;
}

export const labStrings: Readonly<Record<Lang, LabStrings>> = {
  en: {
    title: 'Load-balancing lab',
    intro: 'Send many new connections to a Service and see where each one lands.',
    servicePort: 'Service port',
    clients: 'Clients (they take turns)',
    connections: 'Connections',
    connectionsHint: (min, max) => `${min}–${max.toLocaleString('en')}`,
    connectionsInvalid: (min, max) => `Enter a whole number from ${min} to ${max.toLocaleString('en')}.`,
    clusterAt: 'Cluster',
    atStart: 'at the start (0 s)',
    afterEvent: (at, what) => `after ${what} (${at} s)`,
    noClient: 'Choose at least one client.',
    run: 'Run',
    running: 'Running…',
    ranIn: (ms, worker) => `${ms < 50 ? 'Instant' : `Took ${(ms / 1000).toFixed(2)} s`}${worker ? ', in a background worker' : ''}.`,
    setup: (mode, scheduler, seed) => `${mode} mode${scheduler ? `, scheduler ${scheduler}` : ''}, seed ${seed}`,
    open: (n, seconds) =>
      `Each connection completes its handshake and stays open until the end (none is closed): ${n.toLocaleString('en')} connections over ${seconds} simulated seconds.`,
    histogram: (n, service) => `Where ${n.toLocaleString('en')} connections to ${service} landed`,
    bar: (endpoint, pod, count, expected) => `${pod} ${endpoint}: ${count}, expected ${expected}`,
    expectedMark: 'expected',
    endpoint: 'Endpoint',
    pod: 'Pod',
    count: 'Count',
    share: 'Share',
    expected: 'Expected',
    unanswered: (n) => `${n.toLocaleString('en')} connections reached no endpoint (refused or dropped).`,
    chiSquare: (statistic, df) => `Chi-square ${statistic}, ${df} degrees of freedom. `,
    pValue: (p) => `p-value ${p}:`,
    pValueMeaning:
      ' the chance of counts at least this uneven if every draw follows the rules’ shares; a small value (below 0.01) would say they do not.',
    notRandom: {
      rr: 'No p-value: rr takes the real servers in turn, nothing is drawn at random.',
      wrr: 'No p-value: wrr takes the real servers in turn by weight, nothing is drawn at random.',
      'least-connection':
        'No p-value: the server with the fewest connections takes the next one (all stay open), nothing is drawn at random.',
      hash: 'No p-value: an address’s hash picks the server, nothing is drawn at random.',
      affinity: 'No p-value: with session affinity every connection of a client follows its first one.',
      single: 'No test: the Service has one endpoint.',
      none: 'The Service has no endpoint: every connection is refused.',
    },
    whyTitle: 'Why these shares',
    chainIntro: (chain, n) => `${chain} tries its ${n} endpoint rules in order; the first that matches takes the connection:`,
    ruleLine: (r) =>
      r.probability === null
        ? `${r.pod} (${r.endpoint}): no --probability, so it takes every connection that reaches it: ${r.share}.`
        : `${r.pod} (${r.endpoint}): --probability ${r.probability}. ${r.first ? 'Every new connection reaches it' : `Reached by the ${r.reach} the rules before it did not take`}; it takes ${r.p} of them: ${r.share}.`,
    chainSummary: (probabilities, n) =>
      `Each probability is conditional: it applies only to the connections the rules before it left. So ${probabilities.map((p) => p ?? '(none)').join(', ')} gives every endpoint the same share, 1/${n}.`,
    affinity: (seconds) =>
      `Session affinity (ClientIP): the -m recent --rcheck rules come first. A client's first connection is drawn as above; for ${seconds} s after it, every later connection of that client goes to the same endpoint.`,
    scheduler: (scheduler, vs) =>
      ({
        rr: `IPVS virtual server ${vs}, scheduler rr: the real servers in turn, one new connection each. N connections over k servers give N/k each, exactly.`,
        wrr: `IPVS virtual server ${vs}, scheduler wrr: the real servers in turn, each as many times as its weight.`,
        lc: `IPVS virtual server ${vs}, scheduler lc: the next connection goes to the server with the fewest (active × 256 + inactive). Here every connection stays open, so they spread evenly.`,
        wlc: `IPVS virtual server ${vs}, scheduler wlc: the fewest connections per unit of weight.`,
        sed: `IPVS virtual server ${vs}, scheduler sed: the shortest expected delay, (active + 1) / weight.`,
        nq: `IPVS virtual server ${vs}, scheduler nq: an idle server if there is one, else as sed.`,
        sh: `IPVS virtual server ${vs}, scheduler sh: the client's address hashes to one of 256 buckets, so a client always reaches the same server.`,
        dh: `IPVS virtual server ${vs}, scheduler dh: the destination address hashes to one bucket, so every client reaches the same server.`,
      })[scheduler],
    weights: (list) => `Weights: ${list}.`,
    persistence: (seconds) =>
      `Persistence (session affinity, ${seconds} s): a client's first connection is scheduled; a template then sends its later ones to the same server.`,
    numgenIntro: (chain, mod) =>
      `${chain}: numgen random mod ${mod} draws one number for each new connection, 0 to ${mod - 1}, each as likely; its vmap sends each number to one endpoint chain, so no rule depends on the ones before it:`,
    numgenLine: (value, pod, endpoint, share) => `${value} → ${pod} (${endpoint}): ${share}.`,
    numgenAffinity: (seconds) =>
      `Session affinity (ClientIP): before the numgen rule, one rule per endpoint looks the client up in that endpoint's affinity set (ip saddr @affinity-…); the endpoint chain adds the client with update @affinity-… and a ${seconds} s timeout, so a client's later connections follow its first.`,
    noRules: 'The client’s node has no load-balancing rules for this Service port.',
    failed: (why) => `The lab could not run: ${why}`,
  },
  zh: {
    title: '负载均衡实验',
    intro: '向一个 Service 发起大量新连接，看每个连接落到哪个端点。',
    servicePort: 'Service 端口',
    clients: '客户端（轮流发起）',
    connections: '连接数',
    connectionsHint: (min, max) => `${min}–${max.toLocaleString('en')}`,
    connectionsInvalid: (min, max) => `请输入 ${min} 到 ${max.toLocaleString('en')} 之间的整数。`,
    clusterAt: '集群状态',
    atStart: '开始时（0 秒）',
    afterEvent: (at, what) => `${what}之后（${at} 秒）`,
    noClient: '请至少选择一个客户端。',
    run: '运行',
    running: '运行中……',
    ranIn: (ms, worker) => `${ms < 50 ? '瞬间完成' : `用时 ${(ms / 1000).toFixed(2)} 秒`}${worker ? '（在后台 Worker 中运行）' : ''}。`,
    setup: (mode, scheduler, seed) => `${mode} 模式${scheduler ? `，调度算法 ${scheduler}` : ''}，种子 ${seed}`,
    open: (n, seconds) =>
      `每个连接都完成握手并一直保持打开，直到实验结束（没有连接被关闭）：${n.toLocaleString('en')} 个连接，历时 ${seconds} 模拟秒。`,
    histogram: (n, service) => `${n.toLocaleString('en')} 个发往 ${service} 的连接的落点`,
    bar: (endpoint, pod, count, expected) => `${pod} ${endpoint}：${count}，期望 ${expected}`,
    expectedMark: '期望',
    endpoint: '端点',
    pod: 'Pod',
    count: '次数',
    share: '占比',
    expected: '期望',
    unanswered: (n) => `${n.toLocaleString('en')} 个连接没有到达任何端点（被拒绝或丢弃）。`,
    chiSquare: (statistic, df) => `卡方值 ${statistic}，自由度 ${df}。`,
    pValue: (p) => `p 值 ${p}：`,
    pValueMeaning: '假如每次抽取都符合规则给出的占比，出现至少这样不均匀的计数的概率；很小的值（低于 0.01）说明不符合。',
    notRandom: {
      rr: '没有 p 值：rr 轮流选择真实服务器，没有随机抽取。',
      wrr: '没有 p 值：wrr 按权重轮流选择真实服务器，没有随机抽取。',
      'least-connection': '没有 p 值：连接数最少的服务器接收下一个连接（所有连接都保持打开），没有随机抽取。',
      hash: '没有 p 值：由地址的哈希决定服务器，没有随机抽取。',
      affinity: '没有 p 值：开启会话亲和后，客户端的每个连接都跟随它的第一个连接。',
      single: '无需检验：该 Service 只有一个端点。',
      none: '该 Service 没有端点：每个连接都被拒绝。',
    },
    whyTitle: '为什么是这样的占比',
    chainIntro: (chain, n) => `${chain} 按顺序尝试它的 ${n} 条端点规则，第一条匹配的规则接收该连接：`,
    ruleLine: (r) =>
      r.probability === null
        ? `${r.pod}（${r.endpoint}）：没有 --probability，到达它的连接全部由它接收：${r.share}。`
        : `${r.pod}（${r.endpoint}）：--probability ${r.probability}。${r.first ? '每个新连接都会到达这条规则' : `到达它的是前面的规则没有接收的 ${r.reach}`}，它接收其中的 ${r.p}：${r.share}。`,
    chainSummary: (probabilities, n) =>
      `每个概率都是条件概率：只作用于前面的规则剩下的连接。所以 ${probabilities.map((p) => p ?? '（无）').join('、')} 让每个端点得到相同的占比，即 1/${n}。`,
    affinity: (seconds) =>
      `会话亲和（ClientIP）：-m recent --rcheck 规则排在最前面。客户端的第一个连接按上面的规则抽取；此后 ${seconds} 秒内，该客户端的每个连接都发往同一个端点。`,
    scheduler: (scheduler, vs) =>
      ({
        rr: `IPVS 虚拟服务 ${vs}，调度算法 rr：轮流选择真实服务器，每个新连接一个。N 个连接分给 k 台服务器，每台恰好 N/k 个。`,
        wrr: `IPVS 虚拟服务 ${vs}，调度算法 wrr：轮流选择真实服务器，每台按其权重被选若干次。`,
        lc: `IPVS 虚拟服务 ${vs}，调度算法 lc：下一个连接发往（活动数 × 256 + 非活动数）最小的服务器。这里所有连接都保持打开，所以分布均匀。`,
        wlc: `IPVS 虚拟服务 ${vs}，调度算法 wlc：每单位权重的连接数最少者优先。`,
        sed: `IPVS 虚拟服务 ${vs}，调度算法 sed：最短期望延迟，即（活动数 + 1）/ 权重。`,
        nq: `IPVS 虚拟服务 ${vs}，调度算法 nq：有空闲服务器时选空闲的，否则同 sed。`,
        sh: `IPVS 虚拟服务 ${vs}，调度算法 sh：客户端地址哈希到 256 个桶之一，所以同一客户端总是到达同一台服务器。`,
        dh: `IPVS 虚拟服务 ${vs}，调度算法 dh：目的地址哈希到一个桶，所以所有客户端都到达同一台服务器。`,
      })[scheduler],
    weights: (list) => `权重：${list}。`,
    persistence: (seconds) =>
      `持久连接（会话亲和，${seconds} 秒）：客户端的第一个连接由调度算法选择；之后由模板把它的后续连接发往同一台服务器。`,
    numgenIntro: (chain, mod) =>
      `${chain}：numgen random mod ${mod} 为每个新连接抽取一个数（0 到 ${mod - 1}，机会均等）；它的 vmap 把每个数发往一条端点链，所以没有哪条规则依赖前面的规则：`,
    numgenLine: (value, pod, endpoint, share) => `${value} → ${pod}（${endpoint}）：${share}。`,
    numgenAffinity: (seconds) =>
      `会话亲和（ClientIP）：在 numgen 规则之前，每个端点有一条规则在该端点的亲和集合中查找客户端（ip saddr @affinity-…）；端点链用 update @affinity-… 把客户端加入集合，超时 ${seconds} 秒，所以客户端之后的连接都跟随它的第一个连接。`,
    noRules: '客户端所在节点上没有这个 Service 端口的负载均衡规则。',
    failed: (why) => `实验无法运行：${why}`,
  },
};
