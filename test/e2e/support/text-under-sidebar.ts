import type { Page } from '@playwright/test';

export interface CoveredText {
  text: string;
  rect: { left: number; top: number; right: number; bottom: number };
}

/**
 * Every visible text of the page (its text nodes, by their own client rects) that lies under
 * the Margin host's box: the open sidebar, or the strip of the collapsed tab. Text hidden from
 * everyone (display none, visibility hidden, 1-pixel screen-reader clips) does not count.
 */
export function textUnderSidebar(page: Page): Promise<CoveredText[]> {
  return page.evaluate(() => {
    const host = document.getElementById('margin-root');
    if (!host) throw new Error('Margin is not on the page');
    const sidebar = host.getBoundingClientRect();
    const covered: Array<{ text: string; rect: { left: number; top: number; right: number; bottom: number } }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    // Fractional layout may touch the edge by a pixel; more than that is covering.
    const slack = 1;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue?.trim();
      if (!text) continue;
      const parent = node.parentElement;
      if (parent && !parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width < 2 || rect.height < 2) continue;
        // The sidebar is fixed: text anywhere down the page passes under it when scrolled.
        const horizontally = rect.right > sidebar.left + slack && rect.left < sidebar.right - slack;
        if (horizontally) {
          covered.push({ text: text.slice(0, 60), rect: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom } });
          break;
        }
      }
    }
    return covered;
  });
}
