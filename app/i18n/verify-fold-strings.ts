import type { Lang } from './lang';

/** The "On a real node" fold's heading: in the page's first load, apart from the panel's own strings (a chunk of their own). */
export const verifyFoldStrings: Readonly<Record<Lang, { readonly title: string }>> = {
  en: { title: 'On a real node' },
  zh: { title: '在真实节点上验证' },
};
