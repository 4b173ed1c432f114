type Text = { readonly en: string; readonly zh: string };

/**
 * Control-plane steps: what the API server records for each event (the
 * EndpointSlice change in `{slices}`), and what kube-proxy's sync on a node
 * does (`syncNote` in sync-note.ts: a Service's chain deleted, created or
 * re-weighted). The Chinese borrows the article's wording
 * (reference/seed-article-zh.md: "Pod 的 IP 地址将会出现又消失", and its open
 * question "Service 被重新创建之后，虚拟 IP 地址是否会变动呢？") without naming
 * the article: comparisons with it belong to its own scenario only
 * (narration-article.ts), which has no control-plane events.
 */
export const EVENT_NARRATION: Readonly<Record<string, Text>> = {
  'event.delete-pod': {
    en: '{pod} ({ip}, on {node}) is deleted and gone from the API server (this event skips the terminating phase a real deletion goes through first; terminate-pod shows it). The kubelet tears down its network namespace and veth, and the CNI plugin frees {ip}. The EndpointSlice controller removes it from the Services that selected it: {slices}. This is why clients use a Service: Pod IPs come and go, while the Service keeps its virtual IP.',
    zh: '{pod}（{ip}，位于 {node}）被删除，从 API Server 中消失（这个事件跳过了真实删除前的 Terminating 阶段，terminate-pod 事件展示该阶段）。kubelet 拆除它的网络命名空间和 veth，CNI 插件释放 {ip}。EndpointSlice 控制器把它从选中它的 Service 中移除：{slices}。这就是客户端使用 Service 的原因：Pod 的 IP 地址将会出现又消失，而 Service 的虚拟 IP 保持不变。',
  },
  'event.create-pod': {
    en: "The new pod {pod} is scheduled on {node}. The kubelet creates its network namespace and veth pair ({veth} on cbr0), and the CNI plugin's host-local IPAM gives it {ip}, the next free address after the last one it handed out. EndpointSlices now: {slices}.",
    zh: '新的 Pod {pod} 被调度到 {node}。kubelet 为它创建网络命名空间和 veth 对（网桥 cbr0 上的 {veth}），CNI 插件的 host-local IPAM 分配给它 {ip}：上一次分配的地址之后的下一个空闲地址。现在的 EndpointSlice：{slices}。',
  },
  'event.create-pod.recreated': {
    en: '{pod} is created again on {node}: a new pod with a new address. host-local IPAM hands out {ip}, the next address after the last one it gave, not {former}, which the old pod had (a freed address comes round again only when the allocator wraps round its range). Its veth pair is new too (drawn as {veth}, where the old one was). EndpointSlices now: {slices}. This is why clients use the Service, not Pod IPs: its virtual IP has not changed.',
    zh: '{pod} 在 {node} 上被重新创建：这是一个新的 Pod，地址也是新的。host-local IPAM 分配上一次分配之后的下一个地址 {ip}，而不是旧 Pod 用过的 {former}（释放的地址要等分配器绕回地址段开头才会再次使用）。veth 对也是新建的（图中仍画作 {veth}，即旧 veth 的位置）。现在的 EndpointSlice：{slices}。这就是客户端访问 Service 而不是 Pod IP 的原因：Service 的虚拟 IP 没有改变。',
  },
  'event.set-not-ready': {
    en: "{pod}'s readiness probe fails: the kubelet sets its Ready condition to false. The pod keeps running and keeps {ip}, but the EndpointSlice controller marks its endpoint ready=false, serving=false: {slices}. kube-proxy sends new connections only to ready endpoints.",
    zh: '{pod} 的就绪探针失败：kubelet 把它的 Ready 状态设为 false。Pod 仍在运行，地址仍是 {ip}，但 EndpointSlice 控制器把它的端点标记为 ready=false、serving=false：{slices}。kube-proxy 只把新连接发给就绪的端点。',
  },
  'event.set-ready': {
    en: "{pod}'s readiness probe passes: its Ready condition is true, and the EndpointSlice controller marks its endpoint ready: {slices}.",
    zh: '{pod} 的就绪探针通过：Ready 状态为 true，EndpointSlice 控制器把它的端点标记为就绪：{slices}。',
  },
  'event.terminate-pod': {
    en: '{pod} is being deleted: it gets a deletionTimestamp and its containers get SIGTERM, but it holds {ip} through its grace period. The EndpointSlice controller keeps its endpoint with terminating=true, ready=false, and serving as its readiness probe says: {slices}. kube-proxy uses serving terminating endpoints only for a Service that has no ready endpoint left.',
    zh: '{pod} 正在被删除：它有了 deletionTimestamp，容器收到 SIGTERM，但在宽限期内仍持有 {ip}。EndpointSlice 控制器保留它的端点，标记为 terminating=true、ready=false，serving 取决于就绪探针：{slices}。只有当 Service 没有任何就绪端点时，kube-proxy 才会使用仍在 serving 的 terminating 端点。',
  },
  'event.delete-service': {
    en: 'The Service {service} is deleted. Its cluster IP {vip} goes back to the allocator and its EndpointSlices are garbage-collected. kube-proxy does not delete the conntrack entries already made for {vip} (its cleanup only covers UDP entries of Services that still have endpoints).',
    zh: 'Service {service} 被删除。它的 ClusterIP {vip} 归还给分配器，它的 EndpointSlice 被垃圾回收。kube-proxy 不会删除已经为 {vip} 建立的 conntrack 条目（它只清理仍有端点的 Service 的 UDP 条目）。',
  },
  'event.create-service': {
    en: 'The Service {service} is created and the API server allocates its cluster IP {vip} from the service CIDR. EndpointSlices: {slices}.',
    zh: 'Service {service} 被创建，API Server 从 Service 网段中为它分配 ClusterIP {vip}。EndpointSlice：{slices}。',
  },
  'event.create-service.recreated': {
    en: 'The Service {service} is created again. It is a new object, and the API server allocates it a new cluster IP: {vip} (it had {former}). So a re-created Service does not keep its virtual IP, unless its spec fixes spec.clusterIP. (The real allocator picks a random free address; this simulation takes the next one.) Clients that look the name up in cluster DNS follow; clients that kept {former} do not. EndpointSlices: {slices}.',
    zh: 'Service {service} 被重新创建。这是一个新对象，API Server 为它分配新的 ClusterIP：{vip}（原来是 {former}）。所以对于“Service 被重新创建之后，虚拟 IP 地址是否会变动呢？”这个问题，答案是会变动，除非在 spec.clusterIP 中固定地址。（真实的分配器随机选择空闲地址，本模拟按顺序取下一个。）通过集群 DNS 解析名字的客户端会跟上；仍使用 {former} 的客户端则不会。EndpointSlice：{slices}。',
  },
  'event.create-service.fixed': {
    en: 'The Service {service} is created with spec.clusterIP fixed to {vip}: the API server allocates exactly that address (it must be free and inside the service CIDR). So a re-created Service keeps its virtual IP only when its spec fixes it. EndpointSlices: {slices}.',
    zh: 'Service {service} 创建时在 spec.clusterIP 中固定了 {vip}：API Server 分配的正是这个地址（它必须空闲且在 Service 网段内）。所以只有在 spec 中固定了地址，重新创建的 Service 才保留原来的虚拟 IP。EndpointSlice：{slices}。',
  },
};

const SYNC_BASE: Readonly<Record<'iptables' | 'ipvs' | 'nftables' | 'unchanged', Text>> = {
  nftables: {
    en: 'kube-proxy on {node} syncs table ip kube-proxy in one nft transaction (-{removed}/+{added} lines of nft list). Endpoint chains removed: {epRemoved}; added: {epAdded}.',
    zh: '节点 {node} 上的 kube-proxy 用一个 nft 事务同步 table ip kube-proxy（nft list 输出 -{removed}/+{added} 行）。删除的 endpoint 链：{epRemoved}；新增的：{epAdded}。',
  },
  iptables: {
    en: 'kube-proxy on {node} syncs its iptables rules (-{removed}/+{added} lines). KUBE-SEP chains removed: {sepRemoved}; added: {sepAdded}.',
    zh: '节点 {node} 上的 kube-proxy 同步 iptables 规则（-{removed}/+{added} 行）。删除的 KUBE-SEP 链：{sepRemoved}；新增的：{sepAdded}。',
  },
  ipvs: {
    en: 'kube-proxy on {node} syncs IPVS. Its iptables rules match ipsets, not endpoints, so they change by only +{added}/-{removed} lines.',
    zh: '节点 {node} 上的 kube-proxy 同步 IPVS。iptables 规则匹配的是 ipset 而不是端点，只变化 +{added}/-{removed} 行。',
  },
  unchanged: {
    en: 'kube-proxy on {node} sees the change and syncs, but nothing it writes changes: the event changed no endpoint of any Service.',
    zh: '节点 {node} 上的 kube-proxy 发现变化并同步，但它写入的内容没有变化：这个事件没有改变任何 Service 的端点。',
  },
};

/** What the sync did to the Services' chains (iptables) or virtual servers (IPVS), in the order the note id lists them. */
const SYNC_CHANGES: Readonly<Record<string, Text>> = {
  deleted: {
    en: ' Deleted whole: {svcDeleted}, with its KUBE-SERVICES rule and KUBE-SEP chains. The Service is gone: nothing matches its address any more, and no probability is recomputed.',
    zh: '整条删除：{svcDeleted}，连同它在 KUBE-SERVICES 中的规则和 KUBE-SEP 链。Service 已不存在：不再有规则匹配它的地址，也不重新计算概率。',
  },
  created: {
    en: ' Created: {svcCreated}, with a KUBE-SERVICES rule for its address and a KUBE-SEP chain per endpoint.',
    zh: '新建：{svcCreated}，并在 KUBE-SERVICES 中为它的地址添加规则，为每个端点建立一条 KUBE-SEP 链。',
  },
  reweighted: {
    en: ' Re-weighted, not deleted: {svcReweighted}, each --probability recomputed for the endpoints left.',
    zh: '保留并重新分配权重：{svcReweighted}，每条 --probability 按剩下的端点重新计算。',
  },
  'nft-deleted': {
    en: ' Deleted: {nftSvcDeleted}, with its service-ips element and its endpoint chains. The Service is gone: the map no longer holds its address.',
    zh: '删除：{nftSvcDeleted}，连同它在 service-ips 中的元素和 endpoint 链。Service 已不存在：map 中不再有它的地址。',
  },
  'nft-created': {
    en: ' Created: {nftSvcCreated}, with a service-ips element for its address and an endpoint chain per endpoint.',
    zh: '新建：{nftSvcCreated}，并在 service-ips 中为它的地址添加元素，为每个端点建立一条 endpoint 链。',
  },
  'nft-endpoints': {
    en: ' Rewritten, not deleted: {nftSvcRewritten}; their numgen random mod N vmaps now have one number per endpoint left.',
    zh: '保留并重写：{nftSvcRewritten}；它们的 numgen random mod N vmap 现在按剩下的端点每个一个数。',
  },
  'vs-deleted': {
    en: ' Deleted: the virtual server {vsDeleted}, with its real servers; the Service is gone.',
    zh: '删除：虚拟服务 {vsDeleted} 连同它的真实服务器；Service 已不存在。',
  },
  'vs-created': {
    en: ' Created: the virtual server {vsCreated}, with a real server per endpoint.',
    zh: '新建：虚拟服务 {vsCreated}，每个端点一个真实服务器。',
  },
  'rs-changed': {
    en: ' Real servers changed: removed {rsRemoved}; added {rsAdded}.',
    zh: '真实服务器的变化：删除 {rsRemoved}；新增 {rsAdded}。',
  },
  draining: {
    en: ' {draining} TCP real server(s) with open connections stay at weight 0 until they drain (graceful termination); UDP ones go at once.',
    zh: '{draining} 个仍有连接的 TCP 真实服务器权重置为 0，等连接结束后再删除（优雅终止）；UDP 的立即删除。',
  },
  'udp-cleaned': {
    en: ' It also deletes {deleted} stale UDP conntrack entry(ies) to the gone endpoint (CleanStaleEntries).',
    zh: '它还删除了 {deleted} 个指向已消失端点的 UDP conntrack 条目（CleanStaleEntries）。',
  },
  'stale-tcp': {
    en: ' {staleTcp} TCP entry(ies) still point at {staleTargets}: kube-proxy never deletes TCP entries; they stay until they time out or the connection is reset.',
    zh: '{staleTcp} 个 TCP 条目仍指向 {staleTargets}：kube-proxy 从不删除 TCP 条目，它们一直保留到超时或连接被重置。',
  },
};

/** The parts each base can have, in note-id order (`syncNote` in sync-note.ts). */
const SYNC_PARTS: Readonly<Record<keyof typeof SYNC_BASE, readonly string[]>> = {
  iptables: ['deleted', 'created', 'reweighted', 'draining', 'udp-cleaned', 'stale-tcp'],
  ipvs: ['vs-deleted', 'vs-created', 'rs-changed', 'draining', 'udp-cleaned', 'stale-tcp'],
  nftables: ['nft-deleted', 'nft-created', 'nft-endpoints', 'udp-cleaned', 'stale-tcp'],
  unchanged: ['draining', 'udp-cleaned', 'stale-tcp'],
};

function syncNarration(): Record<string, Text> {
  const out: Record<string, Text> = {};
  for (const [base, text] of Object.entries(SYNC_BASE)) {
    const parts = SYNC_PARTS[base as keyof typeof SYNC_BASE];
    for (let mask = 0; mask < 1 << parts.length; mask++) {
      const chosen = parts.filter((_, i) => mask & (1 << i));
      out[['kube-proxy-sync', base, ...chosen].join('.')] = {
        en: text.en + chosen.map((e) => SYNC_CHANGES[e]!.en).join(''),
        zh: text.zh + chosen.map((e) => SYNC_CHANGES[e]!.zh).join(''),
      };
    }
  }
  return out;
}

/** Every control-plane note id with its English and Chinese text. */
export const CONTROL_PLANE_NARRATION: Readonly<Record<string, Text>> = { ...EVENT_NARRATION, ...syncNarration() };
