import type { Lang } from './lang';
import type { NftRuleVerdict } from '../../src/index';

/** The nftables panel's labels (in its own chunk, with the panel). */
export interface NftPanelStrings {
  readonly title: string;
  /** The generator's layout, named by the releases that write it (issue 12). */
  readonly layout: string;
  readonly regularChain: string;
  readonly verdicts: Readonly<Record<NftRuleVerdict, string>>;
  readonly decides: string;
  readonly lookup: string;
  readonly key: string;
  readonly element: string;
  readonly matched: string;
  readonly noElement: (key: string) => string;
  readonly shownOf: (total: number) => string;
  /** Why the step ran no rule of `table ip kube-proxy`. */
  readonly empty: { readonly noHook: string; readonly noRule: string; readonly controlPlane: string; readonly onWire: string };
  readonly listing: (node: string) => string;
  readonly listingLabel: string;
  readonly marks: { readonly decided: string; readonly matched: string; readonly element: string };
}

export const nftPanelStrings: Readonly<Record<Lang, NftPanelStrings>> = {
  en: {
    title: 'nftables: table ip kube-proxy',
    layout: 'v1.29–v1.35 layout',
    regularChain: 'regular chain',
    verdicts: {
      'no-match': 'no match',
      continue: 'continue',
      jump: 'jump',
      goto: 'goto',
      return: 'return',
      accept: 'accept',
      drop: 'drop',
      reject: 'reject',
      dnat: 'dnat',
      snat: 'snat',
      masquerade: 'masquerade',
    },
    decides: 'decides',
    lookup: 'Lookup',
    key: 'key',
    element: 'element',
    matched: 'matched',
    noElement: (key) => `no element ${key}`,
    shownOf: (total) => `the matched element of ${total}`,
    empty: {
      noHook:
        'No nftables rules at this hop: no netfilter hook runs here (a veth or the bridge moves the frame at layer 2), so table ip kube-proxy is not consulted.',
      noRule:
        'No nftables rules at this hook: kube-proxy’s table has no base chain here, or conntrack already knows the connection and the nat chains are not run again.',
      controlPlane: 'No packet moves at this step: kube-proxy’s table changes (see the rules panel).',
      onWire: 'No nftables rules on the wire: the packet is between the nodes.',
    },
    listing: (node) => `nft list table ip kube-proxy on ${node}`,
    listingLabel: 'The node’s whole table, the lines this step matched highlighted',
    marks: { decided: 'decided', matched: 'matched', element: 'matched element' },
  },
  zh: {
    title: 'nftables：table ip kube-proxy',
    layout: 'v1.29–v1.35 布局',
    regularChain: '普通链',
    verdicts: {
      'no-match': '不匹配',
      continue: '继续',
      jump: 'jump 跳转',
      goto: 'goto 跳转',
      return: '返回',
      accept: 'accept',
      drop: 'drop',
      reject: 'reject',
      dnat: 'dnat',
      snat: 'snat',
      masquerade: 'masquerade',
    },
    decides: '决定结果',
    lookup: '查表',
    key: '键',
    element: '元素',
    matched: '命中',
    noElement: (key) => `没有元素 ${key}`,
    shownOf: (total) => `共 ${total} 个元素，只列出命中的`,
    empty: {
      noHook: '这一跳没有 nftables 规则：这里不经过 netfilter hook（veth 或网桥在二层转发帧），不查 table ip kube-proxy。',
      noRule: '这个 hook 没有 nftables 规则：kube-proxy 的表在这里没有基础链，或者 conntrack 已经认识这个连接，nat 链不再执行。',
      controlPlane: '这一步没有数据包移动：kube-proxy 的表发生了变化（见规则面板）。',
      onWire: '线路上没有 nftables 规则：数据包正在节点之间传输。',
    },
    listing: (node) => `${node} 上的 nft list table ip kube-proxy`,
    listingLabel: '节点的完整表，本步匹配的行已高亮',
    marks: { decided: '决定结果', matched: '匹配', element: '命中的元素' },
  },
};
