import type { Frame, FrameLocator, Locator, Page } from '@playwright/test';

/** The element Margin's content script adds to every page it runs on (contract with the UI). */
export const MARGIN_HOST_SELECTOR = '#margin-root';
export const SIDEBAR_IFRAME_SELECTOR = `${MARGIN_HOST_SELECTOR} iframe[src*="sidebar.html"]`;

/** The sidebar's document, for locators (Playwright pierces the host's open shadow root). */
export function sidebarOf(page: Page): FrameLocator {
  return page.frameLocator(SIDEBAR_IFRAME_SELECTOR);
}

/** The host element; its `data-state` is "open" or "collapsed". */
export function marginHostOf(page: Page): Locator {
  return page.locator(MARGIN_HOST_SELECTOR);
}

/** The iframe element itself, for its box on the page. */
export function sidebarIframeOf(page: Page): Locator {
  return page.locator(SIDEBAR_IFRAME_SELECTOR);
}

/** The button that opens or collapses the sidebar, by the name it has in `state`. */
export function sidebarToggleOf(page: Page, state: 'open' | 'collapsed'): Locator {
  const name = state === 'open' ? 'Collapse Margin sidebar' : 'Open Margin sidebar';
  return marginHostOf(page).getByRole('button', { name, exact: true });
}

/**
 * The sidebar as a Frame, for `evaluate` inside the extension's origin (e.g. to make IndexedDB fail).
 * Waits until the sidebar has loaded.
 */
export async function sidebarFrameOf(page: Page, timeoutMs = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((candidate) => candidate.url().includes('sidebar.html'));
    if (frame) {
      await frame.waitForLoadState('domcontentloaded');
      return frame;
    }
    if (Date.now() > deadline) throw new Error(`No sidebar frame on ${page.url()} after ${timeoutMs} ms`);
    await page.waitForTimeout(100);
  }
}
