import type { Page } from '@playwright/test';

/** The cluster view's pan and zoom, as its svg's CSS transform draws it ("translate(Xpx, Ypx) scale(K)"). */
export const viewTransform = (page: Page): Promise<string> =>
  page.locator('svg[data-id="cluster-view"]').evaluate((svg: SVGSVGElement) => svg.style.transform);
