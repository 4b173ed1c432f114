import type { Lang } from './lang';
import type { PacketLabel, ProxyMode } from '../../src/index';

/** nftables mode's words the first frame needs: the mode switch's version notes, the rules panel's pointer to the nftables panel. */
export interface NftUiStrings {
  /** Where a mode stands in Kubernetes' releases (the mode switch's tooltip and description); iptables has none. */
  readonly modeNotes: Readonly<Partial<Record<ProxyMode, string>>>;
  /** The rules panel in nftables mode: kube-proxy's rules are nftables', not iptables'. */
  readonly rulesInNftPanel: string;
  /** A sync's evidence: the lines of the node's nftables table it changed. */
  readonly nftDiff: (node: string) => string;
  /** The packet cost line in nftables mode, and why its count stays flat. */
  readonly cost: (label: PacketLabel, rules: number, lookups: number) => string;
  readonly costMeaning: string;
  /** The cluster view's kube-proxy to API server line, in nftables mode. */
  readonly watches: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const nftUiStrings: Readonly<Record<Lang, NftUiStrings>> = {
  en: {
    modeNotes: { ipvs: 'deprecated since Kubernetes 1.35', nftables: 'GA since Kubernetes 1.33' },
    watches: 'kube-proxy watches the API server and writes the nftables table ip kube-proxy',
    nftDiff: (node) => `${node}: nft list table ip kube-proxy`,
    cost: (label, rules, lookups) =>
      `${label}, over its whole walk: ${plural(rules, 'nftables rule', 'nftables rules')} evaluated, ${plural(lookups, 'set or map lookup', 'set and map lookups')} among them; no iptables rule.`,
    costMeaning:
      'nftables: the Service is found by one lookup in the service-ips verdict map however many Services exist; iptables walks KUBE-SERVICES rule by rule. Switch the kube-proxy mode to compare: the same packet stays on screen, at the same place (the walks differ in length between modes).',
    rulesInNftPanel:
      'No iptables rule: in nftables mode kube-proxy writes table ip kube-proxy, and the nftables panel shows the rules this hook ran.',
  },
  zh: {
    modeNotes: { ipvs: '自 Kubernetes 1.35 起弃用', nftables: '自 Kubernetes 1.33 起 GA' },
    watches: 'kube-proxy 监听 API 服务器并写入 nftables 表 ip kube-proxy',
    nftDiff: (node) => `${node}：nft list table ip kube-proxy`,
    cost: (label, rules, lookups) =>
      `${label} 在整个路径上：执行了 ${rules} 条 nftables 规则，其中 ${lookups} 次集合或映射查找；没有 iptables 规则。`,
    costMeaning:
      'nftables：无论有多少个 Service，都只在 service-ips 判决映射中查找一次；iptables 则逐条遍历 KUBE-SERVICES 规则。切换 kube-proxy 模式即可对比：屏幕上仍是同一个数据包、同一个位置（不同模式的路径长度不同）。',
    rulesInNftPanel: '没有 iptables 规则：nftables 模式下 kube-proxy 写的是 table ip kube-proxy，这个 hook 执行的规则见 nftables 面板。',
  },
};
