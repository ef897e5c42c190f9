import type { CDPSession, Frame, Locator, Page } from '@playwright/test';

/**
 * How the end-to-end tests reach Margin on a page. The host element is in the page's light DOM;
 * everything Margin puts inside it (the sidebar's frame, the toggle, the resize handle) is in a
 * closed shadow root, which neither the page's scripts nor Playwright's locators can enter
 * (issue 13, finding 8). The sidebar's document is found by its address instead, and the
 * controls in the shadow root through the DevTools protocol, as the browser's inspector sees them.
 */

/** The element Margin's content script adds to every page it runs on (contract with the UI). */
export const MARGIN_HOST_SELECTOR = '#margin-root';

/**
 * The sidebar's document, for locators: the frame whose address is Margin's sidebar.html. Waits
 * until it has loaded. A sidebar removed and put back, or replaced after an extension reload, is a
 * new frame: ask again after that.
 */
export async function sidebarOf(page: Page, timeoutMs = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const candidates = page.frames().filter((frame) => !frame.isDetached() && frame.url().includes('/sidebar.html'));
    // Newest first. A frame being replaced (its host removed, its extension reloaded) may not be
    // reported detached yet; its element is already out of the page.
    for (const frame of candidates.reverse()) {
      const inPage = await frame
        .frameElement()
        .then((element) => element.evaluate((node) => node.isConnected))
        .catch(() => false);
      if (!inPage) continue;
      await frame.waitForLoadState('domcontentloaded').catch(() => undefined);
      if (!frame.isDetached()) return frame;
    }
    if (Date.now() > deadline) throw new Error(`No sidebar frame on ${page.url()} after ${timeoutMs} ms`);
    await page.waitForTimeout(100);
  }
}

/** The host element; its `data-state` is "open" or "collapsed". */
export function marginHostOf(page: Page): Locator {
  return page.locator(MARGIN_HOST_SELECTOR);
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One of Margin's own elements in the host's shadow root, as the inspector sees it. */
export interface SidebarPart {
  attributes: Record<string, string>;
  /** Where it is in the viewport; null while it is not shown (display: none). */
  box: Box | null;
}

const PART_SELECTORS = { frame: 'iframe', toggle: 'button', 'resize handle': '[role="separator"]' } as const;

/** The sidebar's frame element, its open/collapse toggle or its resize handle; null when Margin is not on the page. */
export async function sidebarPartOf(page: Page, part: keyof typeof PART_SELECTORS): Promise<SidebarPart | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const shadowRoot = findHost(root)?.shadowRoots?.[0];
    if (!shadowRoot) return null;
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: shadowRoot.nodeId, selector: PART_SELECTORS[part] });
    if (!nodeId) return null;
    const { attributes } = await cdp.send('DOM.getAttributes', { nodeId });
    return { attributes: Object.fromEntries(pairs(attributes)), box: await boxOf(cdp, nodeId) };
  } finally {
    await cdp.detach();
  }
}

/** The toggle's accessible name says what a click does: it collapses the open sidebar or opens the collapsed one. */
export const TOGGLE_NAME = { open: 'Collapse Margin sidebar', collapsed: 'Open Margin sidebar' } as const;

/** Clicks the toggle with the mouse, once it is shown for a sidebar in `state`. */
export async function clickSidebarToggle(page: Page, state: 'open' | 'collapsed', timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const toggle = await sidebarToggleOf(page);
    if (toggle?.box && toggle.name === TOGGLE_NAME[state]) {
      await page.mouse.click(toggle.box.x + toggle.box.width / 2, toggle.box.y + toggle.box.height / 2);
      return;
    }
    if (Date.now() > deadline) throw new Error(`No "${TOGGLE_NAME[state]}" toggle on ${page.url()} (found ${JSON.stringify(toggle)})`);
    await page.waitForTimeout(100);
  }
}

/** The toggle as the user meets it: its accessible name (what a click does), its tooltip and its box. */
export async function sidebarToggleOf(page: Page): Promise<{ name: string; title: string; box: Box | null } | null> {
  const toggle = await sidebarPartOf(page, 'toggle');
  return toggle && { name: toggle.attributes['aria-label'] ?? '', title: toggle.attributes.title ?? '', box: toggle.box };
}

/** The sidebar frame's box in the viewport, or null while it is hidden (collapsed) or absent. */
export async function sidebarFrameBoxOf(page: Page): Promise<Box | null> {
  return (await sidebarPartOf(page, 'frame'))?.box ?? null;
}

interface DomNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** The host is a child of the page's root element (`document.documentElement`). */
function findHost(root: DomNode): DomNode | undefined {
  const html = root.children?.find((node) => node.nodeName === 'HTML');
  return html?.children?.find((node) => pairs(node.attributes ?? []).some(([name, value]) => name === 'id' && value === MARGIN_HOST_SELECTOR.slice(1)));
}

function pairs(flat: readonly string[]): [string, string][] {
  const result: [string, string][] = [];
  for (let index = 0; index + 1 < flat.length; index += 2) result.push([flat[index]!, flat[index + 1]!]);
  return result;
}

async function boxOf(cdp: CDPSession, nodeId: number): Promise<Box | null> {
  const quads = await cdp.send('DOM.getContentQuads', { nodeId }).then(
    ({ quads: found }) => found,
    () => [] as number[][],
  );
  const quad = quads[0];
  if (!quad) return null;
  // In the viewport's coordinates, as the mouse takes them (Playwright clicks by the same quads).
  const xs = [quad[0]!, quad[2]!, quad[4]!, quad[6]!];
  const ys = [quad[1]!, quad[3]!, quad[5]!, quad[7]!];
  const [x, y] = [Math.min(...xs), Math.min(...ys)];
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}
