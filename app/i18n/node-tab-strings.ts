import type { Lang } from './lang';

/**
 * The side pane's tab that opens "Your node" (`lab=node`). Apart from node-strings.ts: the
 * tab is in the page's first chunk, the tab's own strings load with it.
 */
export const nodeTab: Readonly<Record<Lang, string>> = { en: 'Your node', zh: '你的节点' };
