import type { Lang } from './lang';

/** The share menu's labels, the link alert and the embedded page's link, in both languages. */
export interface ShareStrings {
  readonly share: string;
  readonly copyLink: string;
  readonly copied: string;
  readonly copyFallback: string;
  readonly linkLabel: string;
  /** A custom scenario whose link is longer than a link may be. */
  readonly linkTooLong: (chars: number, limit: number) => string;
  readonly download: string;
  readonly upload: string;
  readonly opened: (name: string) => string;
  readonly notOpened: (file: string) => string;
  readonly fileTooLarge: (bytes: number, limit: number) => string;
  readonly unreadableFile: string;
  readonly more: (n: number) => string;
  /** The alert for a link's `s=` that could not be opened; its reasons follow, one per line. */
  readonly linkAlert: string;
  readonly openFull: string;
  readonly newTab: string;
  readonly embedded: string;
  /** "Copy embed code": an iframe snippet of the frame on screen. */
  readonly copyEmbed: string;
  readonly embedCopied: string;
  readonly embedFallback: string;
  readonly embedLabel: string;
}

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);

export const shareStrings: Readonly<Record<Lang, ShareStrings>> = {
  en: {
    share: 'Share',
    copyLink: 'Copy link',
    copied: 'Link copied: it opens this scenario at this step.',
    copyFallback: 'This browser did not let the page copy: the link is selected below, press Ctrl+C (⌘C on a Mac).',
    linkLabel: 'Link to this frame',
    linkTooLong: (chars, limit) =>
      `This scenario is too large for a link (${chars} characters; a link holds ${limit}): download it as a file to share it. This browser keeps it for your next visit.`,
    download: 'Download JSON',
    upload: 'Upload JSON',
    opened: (name) => `Opened “${name}”.`,
    notOpened: (file) => `“${file}” was not opened; nothing changed:`,
    fileTooLarge: (bytes, limit) => `the file is ${mb(bytes)} MB; the limit is ${mb(limit)} MB`,
    unreadableFile: 'the file could not be read',
    more: (n) => `… and ${n} more`,
    linkAlert: 'The scenario in this link (URL parameter “s”) could not be opened, so the default scenario is shown instead:',
    openFull: 'Open in packetwalk',
    newTab: 'opens in a new tab',
    embedded: 'packetwalk: a packet from a Pod to a Service and back',
    copyEmbed: 'Copy embed code',
    embedCopied: 'Embed code copied: paste it into a web page’s HTML to show this frame there.',
    embedFallback: 'This browser did not let the page copy: the embed code is selected below, press Ctrl+C (⌘C on a Mac).',
    embedLabel: 'Embed code for this frame',
  },
  zh: {
    share: '分享',
    copyLink: '复制链接',
    copied: '链接已复制：打开它会看到同一个场景的同一步。',
    copyFallback: '浏览器不允许页面复制：链接已在下方选中，请按 Ctrl+C（Mac 上按 ⌘C）。',
    linkLabel: '此画面的链接',
    linkTooLong: (chars, limit) =>
      `这个场景太大，放不进链接（${chars} 个字符，链接最多 ${limit} 个）：请下载为文件再分享。本浏览器会保留它，下次访问时仍在。`,
    download: '下载 JSON',
    upload: '上传 JSON',
    opened: (name) => `已打开“${name}”。`,
    notOpened: (file) => `“${file}”未能打开，页面没有变化：`,
    fileTooLarge: (bytes, limit) => `文件大小为 ${mb(bytes)} MB，上限是 ${mb(limit)} MB`,
    unreadableFile: '无法读取该文件',
    more: (n) => `……还有 ${n} 条`,
    linkAlert: '无法打开此链接中的场景（URL 参数“s”），已改为显示默认场景：',
    openFull: '在 packetwalk 中打开',
    newTab: '在新标签页中打开',
    embedded: 'packetwalk：数据包从 Pod 到 Service 再返回',
    copyEmbed: '复制嵌入代码',
    embedCopied: '嵌入代码已复制：把它粘贴到网页的 HTML 中，即可在那里显示此画面。',
    embedFallback: '浏览器不允许页面复制：嵌入代码已在下方选中，请按 Ctrl+C（Mac 上按 ⌘C）。',
    embedLabel: '此画面的嵌入代码',
  },
};
