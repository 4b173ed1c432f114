import type { ExportFailure } from '../export/rasterise';
import type { Lang } from './lang';

/** The share menu's "export for slides" part: its buttons, the GIF's step range and progress, and what went wrong. */
export interface ExportStrings {
  readonly heading: string;
  /** Button names start with "Download SVG", "Download PNG", "Download GIF" (tests rely on them). */
  readonly downloadSvg: string;
  readonly downloadPng: string;
  readonly downloadGif: string;
  /** What the GIF will hold: the figure's pictures, or the chosen steps. */
  readonly gifOfFigure: (pictures: number) => string;
  readonly gifOfSteps: (frames: number) => string;
  readonly range: string;
  readonly from: string;
  readonly to: string;
  /** Said once when the GIF starts; the progress bar counts the frames. */
  readonly making: (frames: number) => string;
  readonly progressLabel: string;
  readonly cancel: string;
  readonly cancelled: string;
  readonly saved: (file: string) => string;
  /** The step list has no picture to save. */
  readonly noPicture: string;
  /** The classic view of a scenario the article figures do not fit has none either. */
  readonly noFigure: string;
  readonly failed: Readonly<Record<ExportFailure, string>>;
}

export const exportStrings: Readonly<Record<Lang, ExportStrings>> = {
  en: {
    heading: 'Export for slides',
    downloadSvg: 'Download SVG',
    downloadPng: 'Download PNG (2×)',
    downloadGif: 'Download GIF',
    gifOfFigure: (pictures) => `The GIF shows the figure’s ${pictures} pictures, one a second, as the article’s does.`,
    gifOfSteps: (frames) =>
      `The GIF shows ${frames} ${frames === 1 ? 'step' : 'steps'}, one a second, in the view as it is panned and zoomed now.`,
    range: 'Steps in the GIF',
    from: 'From step',
    to: 'to step',
    making: (frames) => `Making a GIF of ${frames} ${frames === 1 ? 'frame' : 'frames'}…`,
    progressLabel: 'GIF progress',
    cancel: 'Cancel',
    cancelled: 'The GIF was cancelled; nothing was saved.',
    saved: (file) => `Saved ${file}.`,
    noPicture: 'The step list is text: open the cluster view or the article figures to export a picture.',
    noFigure: 'This scenario does not fit the article figures: open the cluster view to export a picture.',
    failed: {
      tainted:
        'The browser did not let the page read its own drawing back (a tainted canvas), so no picture was made. Download SVG still works.',
      memory: 'There was not enough memory for a picture this large: make the window smaller, or choose fewer steps.',
      image: 'The browser could not turn the drawing into a picture. Download SVG still works.',
      worker: 'The GIF encoder stopped before the end; nothing was saved. Try again, or choose fewer steps.',
    },
  },
  zh: {
    heading: '导出到幻灯片',
    downloadSvg: '下载 SVG',
    downloadPng: '下载 PNG（2 倍）',
    downloadGif: '下载 GIF',
    gifOfFigure: (pictures) => `GIF 依次显示此图的 ${pictures} 幅画面，每秒一幅，与文章中的动图相同。`,
    gifOfSteps: (frames) => `GIF 显示 ${frames} 步，每秒一步，视图保持当前的平移和缩放。`,
    range: 'GIF 包含的步骤',
    from: '从第几步',
    to: '到第几步',
    making: (frames) => `正在生成 ${frames} 帧的 GIF……`,
    progressLabel: 'GIF 进度',
    cancel: '取消',
    cancelled: '已取消生成 GIF，没有保存任何文件。',
    saved: (file) => `已保存 ${file}。`,
    noPicture: '步骤列表是文字：请打开集群视图或文章插图再导出图片。',
    noFigure: '这个场景无法画成文章插图：请打开集群视图再导出图片。',
    failed: {
      tainted: '浏览器不允许页面读回自己的绘图（画布已被污染），因此没有生成图片。“下载 SVG”仍然可用。',
      memory: '内存不足，无法生成这么大的图片：请缩小窗口，或少选几步。',
      image: '浏览器无法把绘图转换为图片。“下载 SVG”仍然可用。',
      worker: 'GIF 编码器中途停止，没有保存任何文件。请重试，或少选几步。',
    },
  },
};
