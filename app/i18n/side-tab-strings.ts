import type { Lang } from './lang';

/**
 * The side pane's tablist: its label and each tab's name. Apart from the strings of what the
 * tabs open (editor-strings.ts, lab-strings.ts, node-strings.ts): the tabs are in the page's
 * first chunk, each tab's own strings load with it.
 */
export const sideTabStrings: Readonly<
  Record<Lang, { readonly label: string; readonly details: string; readonly editor: string; readonly lab: string; readonly node: string }>
> = {
  en: { label: 'Side pane', details: 'Step details', editor: 'Edit scenario', lab: 'Lab', node: 'Your node' },
  zh: { label: '侧栏', details: '步骤详情', editor: '编辑场景', lab: '实验', node: '你的节点' },
};
