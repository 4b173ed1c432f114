import type { Lang } from './lang';

/** The parts of the page that load on demand, each in a chunk of its own. */
export type LazyPartName =
  'editor' | 'share' | 'ipvs' | 'nftables' | 'classic' | 'list' | 'quiz' | 'verify' | 'lab' | 'node' | 'rules-diff';

/** What a part says while its chunk loads, and when it could not be loaded. */
export interface LoadingStrings {
  readonly loading: (part: LazyPartName) => string;
  readonly failed: (part: LazyPartName) => string;
  readonly retry: string;
}

const EN_PARTS: Readonly<Record<LazyPartName, string>> = {
  editor: 'the scenario editor',
  share: 'the share menu',
  ipvs: 'the IPVS tables',
  nftables: 'the nftables panel',
  classic: 'the article figure',
  list: 'the step list',
  quiz: 'the quiz',
  verify: 'the commands for a real node',
  lab: 'the load-balancing lab',
  node: 'the node tracer',
  'rules-diff': 'the lines kube-proxy changed',
};

const ZH_PARTS: Readonly<Record<LazyPartName, string>> = {
  editor: '场景编辑器',
  share: '分享菜单',
  ipvs: 'IPVS 表',
  nftables: 'nftables 面板',
  classic: '文章插图',
  list: '步骤列表',
  quiz: '测验',
  verify: '真实节点上的命令',
  lab: '负载均衡实验',
  node: '节点追踪',
  'rules-diff': 'kube-proxy 改动的规则行',
};

export const loadingStrings: Readonly<Record<Lang, LoadingStrings>> = {
  en: {
    loading: (part) => `Loading ${EN_PARTS[part]}…`,
    failed: (part) =>
      `${EN_PARTS[part][0]!.toUpperCase()}${EN_PARTS[part].slice(1)} could not be loaded. Check the connection, then try again.`,
    retry: 'Try again',
  },
  zh: {
    loading: (part) => `正在加载${ZH_PARTS[part]}…`,
    failed: (part) => `${ZH_PARTS[part]}未能加载。请检查网络连接，然后重试。`,
    retry: '重试',
  },
};
