import type { Lang } from './lang';

/**
 * The side pane's tab that opens the load-balancing lab. Apart from lab-strings.ts: the tab is
 * in the page's first chunk, the lab's own strings load with the lab.
 */
export const labTab: Readonly<Record<Lang, string>> = { en: 'Lab', zh: '实验' };
