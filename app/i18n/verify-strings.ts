import type { VerifyCommandId, VerifyOutput, VerifyPlace } from '../../src/index';
import type { Lang } from './lang';
import { verifyFoldStrings } from './verify-fold-strings';

type Params = Readonly<Record<string, string>>;

/** The "On a real node" panel: what each command is for and where it runs, in both languages. Commands are never translated. */
export interface VerifyStrings {
  readonly title: string;
  readonly intro: string;
  readonly place: (place: VerifyPlace) => string;
  readonly tracePlace: (place: VerifyPlace) => string;
  readonly enter: string;
  readonly purpose: Readonly<Record<VerifyCommandId, (p: Params) => string>>;
  readonly copy: string;
  /** The Copy button's accessible name: the action and the command it copies. */
  readonly copyLabel: (command: string) => string;
  readonly copied: string;
  readonly copyFallback: string;
  readonly commandLabel: string;
  /** The caption of a command's output, saying how close a real node's is. */
  readonly prints: (fidelity: VerifyOutput['fidelity']) => string;
  /** The output's accessible name. */
  readonly output: (command: string) => string;
  readonly none: string;
}

export const verifyStrings: Readonly<Record<Lang, VerifyStrings>> = {
  en: {
    title: verifyFoldStrings.en.title,
    intro:
      'Commands that show this step on a real cluster, filled with its values. Run them as root; the bridge is cbr0 here (cni0 on many clusters).',
    place: (p) =>
      p.kind === 'node'
        ? `On ${p.node}, in its root network namespace`
        : p.kind === 'pod'
          ? `In ${p.pod}’s network namespace, on ${p.node}`
          : 'Anywhere kubectl reaches the cluster',
    tracePlace: (p) => `Follow one packet through the rules${p.kind === 'node' ? ` on ${p.node}` : ''}`,
    enter: 'First, a root shell there (or ssh to the node):',
    purpose: {
      'enter-node': (p) => `A shell in ${p.node}’s own namespaces, running the node’s own binaries (a privileged debug pod).`,
      'find-pod-pid': (p) => `Finds the process of ${p.pod}’s sandbox, whose network namespace nsenter enters.`,
      'chain-list': (p) =>
        `Lists ${p.chain} (table ${p.table}) numbered, with the packets and bytes each rule matched${p.position ? `; rule ${p.position} is the one that decided this step` : ''}.`,
      'chain-rules': (p) => `${p.chain} as iptables-save writes it.`,
      'save-grep': (p) => `Every nat rule that names ${p.ip}.`,
      'trace-add': (p) => `Marks matching packets for tracing in raw ${p.chain}, before conntrack and nat.`,
      'trace-watch': () => 'Prints each rule a marked packet meets (iptables-nft: “iptables -V” says nf_tables).',
      'trace-watch-legacy': () =>
        'With legacy iptables, TRACE goes to the kernel log instead (a logger such as nf_log_syslog must be loaded).',
      'trace-remove': () => 'Removes the TRACE rule when done: it slows every packet it matches.',
      'nft-trace-add': (p) => `The same with nft: a chain at the ${p.hook} hook, before raw, sets nftrace on matching packets.`,
      'nft-trace-watch': () => 'Prints the trace of each marked packet through every nft chain, iptables-nft’s included.',
      'nft-trace-remove': () => 'Removes the tracing table.',
      'nft-list-chain': (p) =>
        p.position
          ? `The chain ${p.chain}: rule ${p.position} decided (nft numbers no rules; count them from the top).`
          : `The chain ${p.chain}.`,
      'nft-list-set': (p) =>
        `The ${p.kind} ${p.set} and its elements: one lookup finds the element this packet matched, however many Services there are.`,
      'nft-list-table': () => 'kube-proxy’s whole nftables table, as the engine prints it for this node.',
      'conntrack-list': (p) => `The connection’s entry on ${p.node}, looked up by its original destination ${p.dst}.`,
      'conntrack-events': () => 'Watches entries appear and change (NEW, UPDATE, DESTROY) while you connect.',
      'ipvs-service': (p) => `The virtual server ${p.service} and its real servers; this connection went to ${p.realServer}.`,
      'ipvs-connections': () => 'IPVS’s own connection table: client, virtual server and the real server it chose.',
      'ipvs-list': (p) => `Every virtual server on ${p.node}, with its real servers.`,
      'route-get': (p) => `The route the kernel picks for ${p.dst}.`,
      'bridge-fdb': () => 'The bridge’s forwarding table: the port each MAC address was learned on.',
      tcpdump: (p) => `Captures the connection’s packets on ${p.device}, both directions.`,
      'ipset-list': (p) => `The ipset ${p.set} and its members: in IPVS mode one set holds every Service address the rules match.`,
      'save-nat': () => 'The nat table after kube-proxy’s sync; run it before and after to see the change.',
      'watch-slices': () => 'Watches the EndpointSlices kube-proxy reads change.',
    },
    copy: 'Copy',
    copyLabel: (command) => `Copy: ${command}`,
    copied: 'Command copied.',
    copyFallback: 'This browser did not let the page copy: the command is selected below, press Ctrl+C (⌘C on a Mac).',
    commandLabel: 'Command to copy',
    prints: (f) =>
      f === 'same'
        ? 'It prints (the same text on a node with this cluster):'
        : f === 'same-members'
          ? 'It prints (the same members; the hash seed and memory size will differ):'
          : 'It prints (ports, timers and counters will differ):',
    output: (command) => `What “${command}” prints`,
    none: 'Nothing to run on a node for this step.',
  },
  zh: {
    title: verifyFoldStrings.zh.title,
    intro: '在真实集群上查看这一步的命令，已填入这一步的值。请以 root 运行；本场景的网桥是 cbr0（很多集群上是 cni0）。',
    place: (p) =>
      p.kind === 'node'
        ? `在 ${p.node} 的根网络命名空间中`
        : p.kind === 'pod'
          ? `在 ${p.pod} 的网络命名空间中（位于 ${p.node}）`
          : '在任何能用 kubectl 访问集群的地方',
    tracePlace: (p) => `跟踪一个数据包经过的规则${p.kind === 'node' ? `（${p.node}）` : ''}`,
    enter: '先在那里取得 root shell（或 ssh 登录节点）：',
    purpose: {
      'enter-node': (p) => `在 ${p.node} 自己的命名空间中打开 shell，运行节点自己的程序（特权调试 Pod）。`,
      'find-pod-pid': (p) => `找到 ${p.pod} 沙箱的进程，nsenter 进入它的网络命名空间。`,
      'chain-list': (p) =>
        `带编号列出 ${p.chain}（${p.table} 表）及每条规则匹配的包数和字节数${p.position ? `；这一步由第 ${p.position} 条决定` : ''}。`,
      'chain-rules': (p) => `按 iptables-save 的写法打印 ${p.chain}。`,
      'save-grep': (p) => `nat 表中所有提到 ${p.ip} 的规则。`,
      'trace-add': (p) => `在 raw ${p.chain} 中标记要跟踪的包，早于 conntrack 和 nat。`,
      'trace-watch': () => '打印被标记的包遇到的每条规则（iptables-nft：“iptables -V”显示 nf_tables）。',
      'trace-watch-legacy': () => '旧版（legacy）iptables 把 TRACE 写入内核日志（需加载 nf_log_syslog 等日志模块）。',
      'trace-remove': () => '用完后删除 TRACE 规则：它会拖慢所匹配的每个包。',
      'nft-trace-add': (p) => `用 nft 做同样的事：在 ${p.hook} 钩子上、raw 之前的链为匹配的包设置 nftrace。`,
      'nft-trace-watch': () => '打印每个被标记的包经过所有 nft 链（包括 iptables-nft 的链）的轨迹。',
      'nft-trace-remove': () => '删除用于跟踪的表。',
      'nft-list-chain': (p) =>
        p.position ? `链 ${p.chain}：第 ${p.position} 条规则决定了结果（nft 不给规则编号，从上往下数）。` : `链 ${p.chain}。`,
      'nft-list-set': (p) =>
        `${p.kind === 'map' ? '映射' : '集合'} ${p.set} 及其元素：无论有多少个 Service，一次查找就找到这个包命中的元素。`,
      'nft-list-table': () => 'kube-proxy 的整个 nftables 表，与引擎为这个节点打印的一致。',
      'conntrack-list': (p) => `该连接在 ${p.node} 上的条目，按原始方向目的地址 ${p.dst} 查找。`,
      'conntrack-events': () => '连接时观察条目的出现和变化（NEW、UPDATE、DESTROY）。',
      'ipvs-service': (p) => `虚拟服务 ${p.service} 及其真实服务器；这个连接去了 ${p.realServer}。`,
      'ipvs-connections': () => 'IPVS 自己的连接表：客户端、虚拟服务和它选中的真实服务器。',
      'ipvs-list': (p) => `${p.node} 上的所有虚拟服务及其真实服务器。`,
      'route-get': (p) => `内核为 ${p.dst} 选择的路由。`,
      'bridge-fdb': () => '网桥的转发表：每个 MAC 地址是从哪个端口学到的。',
      tcpdump: (p) => `在 ${p.device} 上抓取这个连接的包（双向）。`,
      'ipset-list': (p) => `ipset ${p.set} 及其成员：IPVS 模式下，规则通过一个集合匹配所有 Service 地址。`,
      'save-nat': () => 'kube-proxy 同步后的 nat 表；在同步前后各运行一次即可看到变化。',
      'watch-slices': () => '观察 kube-proxy 读取的 EndpointSlice 的变化。',
    },
    copy: '复制',
    copyLabel: (command) => `复制：${command}`,
    copied: '命令已复制。',
    copyFallback: '浏览器不允许页面复制：命令已在下方选中，请按 Ctrl+C（Mac 上按 ⌘C）。',
    commandLabel: '要复制的命令',
    prints: (f) =>
      f === 'same'
        ? '输出（与此集群相同的节点上输出一致）：'
        : f === 'same-members'
          ? '输出（成员相同；哈希种子和内存大小会不同）：'
          : '输出（端口、计时器和计数会不同）：',
    output: (command) => `“${command}”的输出`,
    none: '这一步没有要在节点上运行的命令。',
  },
};
