type Text = { readonly en: string; readonly zh: string };

/**
 * How the article tells a step of its own story where the kernel does
 * otherwise (src/trace/article-notes.ts). Shown only in the article's scenario.
 */
export const ARTICLE_NARRATION: Readonly<Record<string, Text>> = {
  'article.bridge-miss': {
    en: "The article says the bridge's ARP cannot find the Service and sends the packet to the default route, eth0. In the kernel the pod never ARPs for {dst}: it addresses the frame to its gateway, cbr0.",
    zh: '文章说网桥上的 ARP 协议查找不到该 Service，于是把数据包发送到默认路由 eth0。实际上 Pod 从不为 {dst} 发 ARP：帧发往它的网关 cbr0。',
  },
  'article.dnat': {
    en: 'The article places this "before the packet is accepted at eth0"; the kernel does it as the packet comes up from the bridge, before routing.',
    zh: '文章说这发生在“数据包被 eth0 接受之前”；实际上内核在数据包从网桥上来、路由之前完成。',
  },
  'article.un-dnat': {
    en: 'The article says this happens as the packet enters the node; the kernel does it here, in POSTROUTING, as the packet leaves for the client.',
    zh: '文章说这发生在数据包进入节点时；内核实际上在这里完成，即数据包发往客户端之前的 POSTROUTING 中。',
  },
};
