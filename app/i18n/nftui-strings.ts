import type { Lang } from './lang';
import type { ProxyMode } from '../../src/index';

/** nftables mode's words the first frame needs: the mode switch's version notes, the rules panel's pointer to the nftables panel. */
export interface NftUiStrings {
  /** Where a mode stands in Kubernetes' releases (the mode switch's tooltip and description); iptables has none. */
  readonly modeNotes: Readonly<Partial<Record<ProxyMode, string>>>;
  /** The rules panel in nftables mode: kube-proxy's rules are nftables', not iptables'. */
  readonly rulesInNftPanel: string;
  /** A sync's evidence: the lines of the node's nftables table it changed. */
  readonly nftDiff: (node: string) => string;
}

export const nftUiStrings: Readonly<Record<Lang, NftUiStrings>> = {
  en: {
    modeNotes: { ipvs: 'deprecated since Kubernetes 1.35', nftables: 'GA since Kubernetes 1.33' },
    nftDiff: (node) => `${node}: nft list table ip kube-proxy`,
    rulesInNftPanel: 'No iptables rule: in nftables mode kube-proxy writes table ip kube-proxy, and the nftables panel shows the rules this hook ran.',
  },
  zh: {
    modeNotes: { ipvs: '自 Kubernetes 1.35 起弃用', nftables: '自 Kubernetes 1.33 起 GA' },
    nftDiff: (node) => `${node}：nft list table ip kube-proxy`,
    rulesInNftPanel: '没有 iptables 规则：nftables 模式下 kube-proxy 写的是 table ip kube-proxy，这个 hook 执行的规则见 nftables 面板。',
  },
};
